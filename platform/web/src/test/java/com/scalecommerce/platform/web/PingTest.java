package com.scalecommerce.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PingTest {

    @Test
    void answersWithoutTouchingAnything() {
        given().get("/ping").then().statusCode(200).body(equalTo("pong"));
    }
}
