package com.scalecommerce.products.catalog;

import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.createProduct;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class CatalogCsvTest {

    private static final String HEADER = String.join(",", CatalogCsv.COLUMNS);

    @Test
    void exportedRowsImportBackWithEditsAndNewRows() {
        String m = marker();
        createCategory("Csv " + m, null);
        createProduct(Map.of(
                "name",
                "Csv Kettle " + m,
                "brand",
                "Boil " + m,
                "status",
                "ACTIVE",
                "categoryIds",
                List.of(given().auth()
                        .oauth2(admin())
                        .get("/api/admin/categories")
                        .jsonPath()
                        .getString("find { it.slug == 'csv-" + m + "' }.id")),
                "attributes",
                Map.of("volume", "1.7l", "colors", List.of("red", "steel")),
                "description",
                "Boils, \"quickly\",\nand quietly",
                "variants",
                List.of(
                        Map.of("sku", "K1-" + m, "priceMinor", 3999, "options", Map.of("color", "red")),
                        Map.of("sku", "K2-" + m, "priceMinor", 4599, "compareAtPriceMinor", 4999))));

        String export = given().auth()
                .oauth2(admin())
                .get("/api/admin/products/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv"))
                .extract()
                .asString();
        assertThat(export.lines().findFirst()).contains(HEADER);
        String ours = export.lines().skip(1).collect(Collectors.joining("\n")).transform(all -> extractRecords(all, m));
        assertThat(ours).contains("K1-" + m).contains("K2-" + m).contains("\"Boils, \"\"quickly\"\",\nand quietly\"");

        String edited = ours.replace(",3999,", ",3499,")
                + "\ncsv-kettle-" + m + ",,,,,,,,,,K3-" + m + ",\"{\"\"color\"\":\"\"blue\"\"}\",5299,,,true"
                + "\ncsv-toaster-" + m + ",Csv Toaster " + m + ",,Boil " + m + ",DRAFT,csv-" + m + ",,,,EUR,T1-" + m
                + ",,2500,,1200,";
        var result = given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(HEADER + "\n" + edited + "\n")
                .post("/api/admin/products/import")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getInt("productsCreated")).isEqualTo(1);
        assertThat(result.getInt("productsUpdated")).isEqualTo(1);
        assertThat(result.getInt("variantsCreated")).isEqualTo(2);
        assertThat(result.getInt("variantsUpdated")).isEqualTo(2);

        JsonPath kettle = adminBySlug("csv-kettle-" + m);
        assertThat(kettle.getLong("minPriceMinor")).isEqualTo(3499);
        assertThat(kettle.getLong("maxPriceMinor")).isEqualTo(5299);
        assertThat(kettle.getString("description")).isEqualTo("Boils, \"quickly\",\nand quietly");
        assertThat(kettle.getList("attributes.colors")).containsExactly("red", "steel");
        assertThat(kettle.getString("variants.find { it.sku == 'K3-" + m + "' }.options.color"))
                .isEqualTo("blue");
        JsonPath toaster = adminBySlug("csv-toaster-" + m);
        assertThat(toaster.getString("currency")).isEqualTo("EUR");
        assertThat(toaster.getString("brand.name")).isEqualTo("Boil " + m);
        assertThat(toaster.getString("categories[0].slug")).isEqualTo("csv-" + m);
        assertThat(toaster.getInt("variants[0].weightGrams")).isEqualTo(1200);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreExportedAsTextAndImportBackUnchanged() {
        String m = marker();
        String name = "=HYPERLINK(\"http://evil.example\",\"win\") " + m;
        createProduct(Map.of(
                "name",
                name,
                "slug",
                "formula-" + m,
                "variants",
                List.of(Map.of("sku", "F1-" + m, "priceMinor", 100))));

        String export = given().auth()
                .oauth2(admin())
                .get("/api/admin/products/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String ours = export.lines().skip(1).collect(Collectors.joining("\n")).transform(all -> extractRecords(all, m));
        assertThat(ours).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");

        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(HEADER + "\n" + ours + "\n")
                .post("/api/admin/products/import")
                .then()
                .statusCode(200);
        assertThat(adminBySlug("formula-" + m).getString("name")).isEqualTo(name);
    }

    @Test
    void rejectsTheWholeFileWithLineNumbersWhenAnyRowIsInvalid() {
        String m = marker();
        String csv = HEADER + "\n"
                + "good-" + m + ",Good " + m + ",,,,,,,,,G1-" + m + ",,100,,,\n"
                + "bad-" + m + ",Bad " + m + ",,,,,,,,,B1-" + m + ",,ten,,,\n"
                + "worse-" + m + ",Worse " + m + ",,,,nowhere-" + m + ",,,,,W1-" + m + ",,100,,,\n"
                + "active-" + m + ",Active " + m + ",,,ACTIVE,,,,,,,,,,,\n";
        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(csv)
                .post("/api/admin/products/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("CSV_INVALID"))
                .body("errors.field", hasItems("line 3: price_minor", "line 4: categories"));
        given().auth()
                .oauth2(admin())
                .queryParam("q", "good-" + m)
                .get("/api/admin/products")
                .then()
                .body("items", org.hamcrest.Matchers.empty());

        // Rules checked while writing also reject the whole file and name the line.
        String unsellable = HEADER + "\n" + "ok-" + m + ",Ok " + m + ",,,,,,,,,O1-" + m + ",,100,,,\n" + "active-" + m
                + ",Active " + m + ",,,ACTIVE,,,,,,,,,,,\n";
        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body(unsellable)
                .post("/api/admin/products/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("line 3"));
        given().auth()
                .oauth2(admin())
                .queryParam("q", "ok-" + m)
                .get("/api/admin/products")
                .then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aDryRunValidatesWithoutWriting() {
        String m = marker();
        String csv = HEADER + "\n" + "dry-" + m + ",Dry " + m + ",,,,,,,,,D1-" + m + ",,100,,,\n";
        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .queryParam("dryRun", true)
                .body(csv)
                .post("/api/admin/products/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("productsCreated", equalTo(1));
        given().auth()
                .oauth2(admin())
                .queryParam("q", "dry-" + m)
                .get("/api/admin/products")
                .then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void refusesUnknownColumnsAndCustomers() {
        given().auth()
                .oauth2(admin())
                .contentType("text/csv")
                .body("sku,price_minor,colour\nX,1,red\n")
                .post("/api/admin/products/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("line 1: colour"));
        given().auth()
                .oauth2(TestTokenIssuer.customer(java.util.UUID.randomUUID()))
                .contentType("text/csv")
                .body(HEADER + "\n")
                .post("/api/admin/products/import")
                .then()
                .statusCode(403);
    }

    private static JsonPath adminBySlug(String slug) {
        String id = given().auth()
                .oauth2(admin())
                .queryParam("q", slug)
                .get("/api/admin/products")
                .jsonPath()
                .getString("items.find { it.slug == '" + slug + "' }.id");
        return given().auth()
                .oauth2(admin())
                .get("/api/admin/products/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The records (possibly spanning lines) whose slug carries the marker. */
    private static String extractRecords(String body, String m) {
        var records = new java.util.ArrayList<String>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : body.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == '\n' && !quoted) {
                records.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        records.add(current.toString());
        return records.stream().filter(r -> r.contains(m)).collect(Collectors.joining("\n"));
    }
}
