package com.scalecommerce.products.category;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class CategoriesTest {

    private static io.restassured.response.Response move(String id, String parentId, Integer position) {
        var body = new HashMap<String, Object>();
        body.put("parentId", parentId);
        body.put("position", position);
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/categories/" + id + "/move");
    }

    private static Map<String, Object> get(String id) {
        return given().auth()
                .oauth2(admin())
                .get("/api/admin/categories/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void keepsPathsAndCountsWhenABranchMoves() {
        String m = marker();
        String home = createCategory("Home " + m, null);
        String garden = createCategory("Garden " + m, null);
        String kitchen = createCategory("Kitchen " + m, home);
        String knives = createCategory("Knives " + m, kitchen);
        activeProduct("Chef knife " + m, null, List.of(knives), Map.of(), 100);
        assertThat(get(knives).get("path")).isEqualTo("/" + home + "/" + kitchen + "/" + knives + "/");

        move(kitchen, garden, null).then().statusCode(200).body("parentId", equalTo(garden));
        assertThat(get(knives).get("path")).isEqualTo("/" + garden + "/" + kitchen + "/" + knives + "/");
        given().queryParam("category", garden)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("Chef knife " + m));
        given().queryParam("category", home)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        var tree =
                given().get("/api/categories").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getInt("items.find { it.id == '" + garden + "' }.productCount"))
                .isEqualTo(1);
        assertThat(tree.getInt("items.find { it.id == '" + home + "' }.productCount"))
                .isZero();
    }

    @Test
    void refusesToMoveACategoryBelowItself() {
        String m = marker();
        String top = createCategory("Top " + m, null);
        String middle = createCategory("Middle " + m, top);
        String bottom = createCategory("Bottom " + m, middle);
        move(top, bottom, null).then().statusCode(409).body("code", equalTo("CATEGORY_CYCLE"));
        move(top, top, null).then().statusCode(409);
        assertThat(get(top).get("parentId")).isNull();
    }

    @Test
    void reordersSiblings() {
        String m = marker();
        String parent = createCategory("Parent " + m, null);
        String a = createCategory("A " + m, parent);
        String b = createCategory("B " + m, parent);
        String c = createCategory("C " + m, parent);
        move(c, parent, 0).then().statusCode(200).body("position", equalTo(0));
        var children = given().get("/api/categories")
                .then()
                .extract()
                .jsonPath()
                .getList("items.find { it.id == '" + parent + "' }.children.id", String.class);
        assertThat(children).containsExactly(c, a, b);
        given().get("/api/categories")
                .then()
                .body("items.find { it.id == '" + parent + "' }.children.position", equalTo(List.of(0, 1, 2)));
    }

    @Test
    void renamesAndDeletesLeavesOnly() {
        String m = marker();
        String parent = createCategory("Renamable " + m, null);
        String child = createCategory("Leaf " + m, parent);
        activeProduct("Listed thing " + m, null, List.of(child), Map.of(), 100);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Foliage" + m))
                .put("/api/admin/categories/" + child)
                .then()
                .statusCode(200)
                .body("slug", equalTo("leaf-" + m));
        given().queryParam("q", "foliage" + m)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo("Listed thing " + m));

        given().auth()
                .oauth2(admin())
                .delete("/api/admin/categories/" + parent)
                .then()
                .statusCode(409)
                .body("code", equalTo("CATEGORY_HAS_CHILDREN"));
        given().auth()
                .oauth2(admin())
                .delete("/api/admin/categories/" + child)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin())
                .get("/api/admin/categories/" + child)
                .then()
                .statusCode(404)
                .body("code", equalTo("CATEGORY_NOT_FOUND"));
    }

    @Test
    void refusesATakenSlugAndAnUnknownParent() {
        String m = marker();
        createCategory("Taken " + m, null);
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Other", "slug", "taken-" + m))
                .post("/api/admin/categories")
                .then()
                .statusCode(409)
                .body("code", equalTo("SLUG_TAKEN"));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Orphan",
                        "parentId",
                        java.util.UUID.randomUUID().toString()))
                .post("/api/admin/categories")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
    }
}
