package com.scalecommerce.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pages pass their data on to the layout they include ({@code {#include layout nav=nav ...}}). A bare include
 * renders the same, but then Qute scans all its value resolvers for every expression of the page before it finds
 * the name in the page's data (templates/layout.html says more): this keeps a new page from losing that quietly.
 */
class LayoutIncludesTest {

    @Test
    void everyPagePassesItsDataOnToTheLayout() {
        var bare = TemplateFiles.all().stream()
                .filter(f -> includesALayoutBare(TemplateFiles.read(f)))
                .map(TemplateFiles.ROOT::relativize)
                .toList();
        assertThat(bare).as("templates with a bare {#include layout}").isEmpty();
    }

    @Test
    void theCheckSeesTheIncludes() {
        assertThat(TemplateFiles.all().stream()
                        .map(TemplateFiles::read)
                        .filter(text -> text.contains("{#include layout ") || text.contains("{#include admin/layout ")))
                .hasSizeGreaterThan(40);
    }

    private static boolean includesALayoutBare(String text) {
        return text.contains("{#include layout}") || text.contains("{#include admin/layout}");
    }
}
