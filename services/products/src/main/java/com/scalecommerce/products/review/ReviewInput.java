package com.scalecommerce.products.review;

/** A review as a customer writes it; {@code text} may use b, i, em, strong, p, br and lists. */
public record ReviewInput(Integer rating, String title, String text, String authorName) {}
