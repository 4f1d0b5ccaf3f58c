package com.scalecommerce.users.address;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class AddressBookTest {

    private String token;

    @BeforeEach
    void signUp() {
        Api.useFreshClientAddress();
        token = (String) Api.signedUp(Api.newEmail()).get("access_token");
    }

    @Test
    void theFirstAddressBecomesTheDefaultForShippingAndBilling() {
        add(address("Home"))
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/users/me/addresses/"))
                .body("label", equalTo("Home"))
                .body("country", equalTo("DE"))
                .body("defaultShipping", equalTo(true))
                .body("defaultBilling", equalTo(true));
    }

    @Test
    void markingAnotherAddressDefaultMovesTheFlag() {
        String home = add(address("Home")).then().extract().path("id");
        var office = address("Office");
        office.put("defaultShipping", true);
        String officeId = add(office).then().statusCode(201).extract().path("id");

        list().then()
                .body("find { it.id == '" + officeId + "' }.defaultShipping", equalTo(true))
                .body("find { it.id == '" + home + "' }.defaultShipping", equalTo(false))
                .body("find { it.id == '" + home + "' }.defaultBilling", equalTo(true));
    }

    @Test
    void removingTheDefaultHandsItToTheOldestRemainingAddress() {
        String home = add(address("Home")).then().extract().path("id");
        String office = add(address("Office")).then().extract().path("id");
        add(address("Parents")).then().statusCode(201);

        given().auth()
                .oauth2(token)
                .delete("/api/users/me/addresses/" + home)
                .then()
                .statusCode(204);

        list().then()
                .body("", hasSize(2))
                .body("find { it.id == '" + office + "' }.defaultShipping", equalTo(true))
                .body("find { it.id == '" + office + "' }.defaultBilling", equalTo(true));
    }

    @Test
    void replacesAnAddressWhole() {
        String id = add(address("Home")).then().extract().path("id");
        var moved = address("Home");
        moved.put("line1", "Neue Strasse 2");
        moved.put("postalCode", "20095");
        moved.put("city", "Hamburg");

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(moved)
                .put("/api/users/me/addresses/" + id)
                .then()
                .statusCode(200)
                .body("city", equalTo("Hamburg"))
                .body("defaultShipping", equalTo(true));
    }

    @Test
    void listsEveryInvalidFieldOfAnAddress() {
        var broken = new HashMap<String, Object>(Map.of("recipientName", "", "country", "Germany", "postalCode", "<>"));
        add(broken)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("recipientName", "line1", "city", "country", "postalCode"));
    }

    @Test
    void anotherCustomersAddressIsNotFound() {
        String id = add(address("Home")).then().extract().path("id");
        String stranger = (String) Api.signedUp(Api.newEmail()).get("access_token");

        given().auth()
                .oauth2(stranger)
                .get("/api/users/me/addresses/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(stranger)
                .delete("/api/users/me/addresses/" + id)
                .then()
                .statusCode(404);
        given().auth().oauth2(token).get("/api/users/me/addresses/" + id).then().statusCode(200);
    }

    @Test
    void needsASignedInCustomer() {
        given().get("/api/users/me/addresses").then().statusCode(401).contentType("application/problem+json");
    }

    private Response add(Map<String, Object> address) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(address)
                .post("/api/users/me/addresses");
    }

    private Response list() {
        return given().auth().oauth2(token).get("/api/users/me/addresses");
    }

    private static HashMap<String, Object> address(String label) {
        return new HashMap<>(Map.of(
                "label", label,
                "recipientName", "Grace Hopper",
                "line1", "Alte Strasse 1",
                "city", "Berlin",
                "postalCode", "10115",
                "country", "de"));
    }
}
