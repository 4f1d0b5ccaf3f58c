package com.scalecommerce.products.media;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ImagesTest {

    static byte[] image(String format, int width, int height) {
        var picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, (int) (Math.random() * 0xFFFFFF));
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void storesAnUploadUnderItsContentHashAndServesItForever() {
        String id = activeProduct("Pictured " + marker(), null, List.of(), Map.of(), 100)
                .getString("id");
        byte[] png = image("png", 32, 16);
        var product = given().auth()
                .oauth2(admin())
                .contentType("image/png")
                .queryParam("alt", "Front view")
                .body(png)
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String url = product.getString("images[0].url");
        assertThat(url).matches("/media/[0-9a-f]{64}\\.png");
        assertThat(product.getInt("images[0].width")).isEqualTo(32);
        assertThat(product.getInt("images[0].height")).isEqualTo(16);

        var served = given().get(url)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("X-Content-Type-Options", "nosniff")
                .extract();
        assertThat(served.asByteArray()).isEqualTo(png);
        given().header("If-None-Match", served.header("ETag")).get(url).then().statusCode(304);
        given().get("/api/products/" + id)
                .then()
                .body("images[0].url", equalTo(url))
                .body("images[0].alt", equalTo("Front view"));
        given().get("/media/" + "0".repeat(64) + ".png")
                .then()
                .statusCode(404)
                .body("code", equalTo("IMAGE_NOT_FOUND"));
    }

    @Test
    void acceptsMultipartUploadsOfJpegAndGif() {
        String id = activeProduct("Multipart " + marker(), null, List.of(), Map.of(), 100)
                .getString("id");
        given().auth()
                .oauth2(admin())
                .multiPart("file", "photo.jpg", image("jpg", 20, 10), "image/jpeg")
                .multiPart("alt", "A photo")
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(201)
                .body("images[0].url", org.hamcrest.Matchers.endsWith(".jpg"))
                .body("images[0].width", equalTo(20));
        given().auth()
                .oauth2(admin())
                .contentType("application/octet-stream")
                .body(image("gif", 7, 9))
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(201)
                .body("images[1].url", org.hamcrest.Matchers.endsWith(".gif"))
                .body("images[1].height", equalTo(9));
    }

    @Test
    void refusesSvgDisguisedFilesAndOversizedImages() {
        String id = activeProduct("Refusals " + marker(), null, List.of(), Map.of(), 100)
                .getString("id");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>";
        given().auth()
                .oauth2(admin())
                .contentType("image/svg+xml")
                .body(svg.getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_IMAGE_TYPE"));
        given().auth()
                .oauth2(admin())
                .contentType("image/png")
                .body("not really a png".getBytes(StandardCharsets.UTF_8))
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(415)
                .body("code", equalTo("UNSUPPORTED_IMAGE_TYPE"));
        byte[] big = new byte[400_000];
        System.arraycopy(image("png", 4, 4), 0, big, 0, 40);
        given().auth()
                .oauth2(admin())
                .contentType("image/png")
                .body(big)
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(413)
                .body("code", equalTo("IMAGE_TOO_LARGE"));
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .contentType("image/png")
                .body(image("png", 2, 2))
                .post("/api/admin/products/" + id + "/images")
                .then()
                .statusCode(403);
        given().get("/api/products/" + id).then().body("images", org.hamcrest.Matchers.empty());
    }
}
