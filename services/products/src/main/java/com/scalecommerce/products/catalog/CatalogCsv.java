package com.scalecommerce.products.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.catalog.ProductInputs.VariantInput;
import com.scalecommerce.products.catalog.ProductStore.ProductFields;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Products and variants as CSV, one row per variant (a product without variants has one row with empty variant
 * columns). Product columns repeat on each of its rows; the first row of a product defines it, later rows may
 * leave them empty but may not contradict it.
 *
 * <p>Import upserts products by slug (derived from the name when the column is empty) and variants by SKU; what the
 * file does not mention is left alone. It is all-or-nothing: every row is validated first and any error rejects the
 * whole file with every error and its line number, and the writes run in one transaction. A half-imported catalog
 * (some prices changed, others not) is worse than none, and because import is an upsert, the corrected file can
 * simply be sent again. {@code dryRun} validates without writing.
 */
@ApplicationScoped
public class CatalogCsv {

    public static final List<String> COLUMNS = List.of(
            "product_slug",
            "name",
            "description",
            "brand",
            "status",
            "categories",
            "attributes",
            "seo_title",
            "seo_description",
            "currency",
            "sku",
            "options",
            "price_minor",
            "compare_at_price_minor",
            "weight_grams",
            "variant_active");

    private static final List<String> PRODUCT_COLUMNS = COLUMNS.subList(1, 10);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private final AgroalDataSource db;
    private final ProductStore store;
    private final ProductAdministration administration;
    private final CatalogConfig config;
    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();

    CatalogCsv(
            AgroalDataSource db,
            ProductStore store,
            ProductAdministration administration,
            CatalogConfig config,
            ObjectMapper json) {
        this.db = db;
        this.store = store;
        this.administration = administration;
        this.config = config;
        this.json = json;
    }

    public record ImportResult(
            boolean dryRun,
            int rows,
            int productsCreated,
            int productsUpdated,
            int variantsCreated,
            int variantsUpdated) {}

    /** Streams every product (all statuses) from one consistent snapshot, in creation order. */
    public void export(OutputStream out) {
        CsvSchema schema = CsvSchema.builder()
                .addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
                .build()
                .withHeader();
        QuarkusTransaction.requiringNew().run(() -> {
            try (var connection = db.getConnection();
                    var select = connection.prepareStatement("select p.slug, p.name, p.description, b.name brand,"
                            + " p.status, (select string_agg(c.slug, '|' order by c.slug) from product_category pc"
                            + " join category c on c.id = pc.category_id where pc.product_id = p.id) categories,"
                            + " p.attributes::text, p.seo_title, p.seo_description, p.currency, v.sku,"
                            + " v.options::text, v.price_minor::text, v.compare_at_price_minor::text,"
                            + " v.weight_grams::text, v.active::text"
                            + " from product p left join brand b on b.id = p.brand_id"
                            + " left join variant v on v.product_id = p.id"
                            + " order by p.created_at, p.id, v.position, v.created_at, v.id");
                    var writer = csv.writer(schema).writeValues(out)) {
                select.setFetchSize(500);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        var row = new ArrayList<String>(COLUMNS.size());
                        for (int i = 1; i <= COLUMNS.size(); i++) {
                            // Jackson drops null list elements, which would shift the columns after them.
                            String value = rows.getString(i);
                            row.add(value == null ? "" : neutraliseFormula(value));
                        }
                        writer.write(row);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Transactional
    public ImportResult importCsv(InputStream body, boolean dryRun) {
        List<CsvRow> rows = read(body);
        var errors = new ArrayList<Problem.FieldError>();
        try (var connection = db.getConnection()) {
            Map<String, List<CsvRow>> byProduct = new LinkedHashMap<>();
            for (CsvRow row : rows) {
                String slug = row.get("product_slug");
                String name = row.get("name");
                if (slug == null && name == null) {
                    errors.add(row.error("product_slug", "or name is required"));
                    continue;
                }
                if (slug != null && !Slugs.isValid(slug)) {
                    errors.add(row.error("product_slug", "must be lower-case words joined by dashes"));
                    continue;
                }
                byProduct
                        .computeIfAbsent(slug != null ? slug : Slugs.fromName(name), k -> new ArrayList<>())
                        .add(row);
            }
            Map<String, UUID> categories = categoriesBySlug(connection, rows);
            var plans = new ArrayList<ProductPlan>();
            var skus = new HashMap<String, Integer>();
            for (var product : byProduct.entrySet()) {
                plans.add(plan(connection, product.getKey(), product.getValue(), categories, skus, errors));
            }
            if (!errors.isEmpty()) {
                throw csvInvalid(errors);
            }
            int created = 0, updated = 0, variantsCreated = 0, variantsUpdated = 0;
            for (ProductPlan plan : plans) {
                if (plan.existing() == null) created++;
                else updated++;
                for (var variant : plan.variants()) {
                    if (variant.existingId() == null) variantsCreated++;
                    else variantsUpdated++;
                }
            }
            if (!dryRun) {
                for (ProductPlan plan : plans) {
                    apply(connection, plan);
                }
            }
            return new ImportResult(dryRun, rows.size(), created, updated, variantsCreated, variantsUpdated);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cell starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: a product named
     * "=HYPERLINK(...)" would run in the admin's Excel. Such cells are exported with a leading apostrophe, which
     * spreadsheets show as text and import strips again, so a round trip keeps the value.
     */
    static String neutraliseFormula(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    static String restoreFormula(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0
                ? value.substring(1)
                : value;
    }

    private static final String FORMULA_START = "=+-@\t\r";

    private record CsvRow(int line, Map<String, String> values) {
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : restoreFormula(value.strip());
        }

        Problem.FieldError error(String column, String message) {
            return new Problem.FieldError("line " + line + ": " + column, message);
        }
    }

    private record VariantPlan(int line, UUID existingId, VariantInput input) {}

    private record ProductPlan(
            int line,
            String slug,
            UUID existing,
            ProductFields fields,
            String brand,
            List<UUID> categoryIds,
            List<VariantPlan> variants) {}

    private List<CsvRow> read(InputStream body) {
        var rows = new ArrayList<CsvRow>();
        try (MappingIterator<Map<String, String>> it = csv.readerFor(STRINGS)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                // Before reading, the location is the first line of the record (records may span lines).
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> values = it.nextValue();
                if (!headerChecked) {
                    checkHeader((CsvSchema) it.getParserSchema());
                    headerChecked = true;
                }
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                if (rows.size() == config.csvMaxRows()) {
                    throw ProblemException.badRequest(
                            "CSV_TOO_LARGE", "At most " + config.csvMaxRows() + " rows per file; split the file.");
                }
                rows.add(new CsvRow(line, values));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest(
                    "CSV_MALFORMED", "The body is not CSV with a header row: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("CSV_EMPTY", "The file has a header but no rows.");
        }
        return rows;
    }

    private static void checkHeader(CsvSchema schema) {
        var errors = new ArrayList<Problem.FieldError>();
        for (CsvSchema.Column column : schema) {
            if (!COLUMNS.contains(column.getName())) {
                errors.add(new Problem.FieldError("line 1: " + column.getName(), "is not a known column"));
            }
        }
        if (schema.column("sku") == null || schema.column("price_minor") == null) {
            errors.add(new Problem.FieldError("line 1", "needs the columns sku and price_minor"));
        }
        if (!errors.isEmpty()) {
            throw csvInvalid(errors);
        }
    }

    private static Map<String, UUID> categoriesBySlug(Connection connection, List<CsvRow> rows) throws SQLException {
        Set<String> slugs = new HashSet<>();
        for (CsvRow row : rows) {
            slugs.addAll(splitCategories(row.get("categories")));
        }
        var found = new HashMap<String, UUID>();
        try (var select = connection.prepareStatement("select slug, id from category where slug = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    found.put(result.getString(1), result.getObject(2, UUID.class));
                }
            }
        }
        return found;
    }

    private ProductPlan plan(
            Connection connection,
            String slug,
            List<CsvRow> rows,
            Map<String, UUID> categories,
            Map<String, Integer> skus,
            List<Problem.FieldError> errors)
            throws SQLException {
        CsvRow first = rows.getFirst();
        for (CsvRow later : rows.subList(1, rows.size())) {
            for (String column : PRODUCT_COLUMNS) {
                String value = later.get(column);
                if (value != null && !value.equals(first.get(column))) {
                    errors.add(later.error(column, "differs from line " + first.line() + " for the same product"));
                }
            }
        }
        UUID existing = store.lockBySlug(connection, slug)
                .map(ProductStore.ProductRow::id)
                .orElse(null);
        String name = first.get("name");
        if (name == null) {
            errors.add(first.error("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(first.error("name", "must be at most 200 characters"));
        }
        String status = first.get("status");
        if (status != null && !status.matches(ProductInputs.STATUS)) {
            errors.add(first.error("status", "must be DRAFT, ACTIVE or ARCHIVED"));
        }
        String currency = first.get("currency");
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            errors.add(first.error("currency", "must be an ISO 4217 code such as USD"));
        }
        var categoryIds = new ArrayList<UUID>();
        for (String categorySlug : splitCategories(first.get("categories"))) {
            UUID id = categories.get(categorySlug);
            if (id == null) {
                errors.add(first.error("categories", "'" + categorySlug + "' is not a category slug"));
            } else {
                categoryIds.add(id);
            }
        }
        Map<String, Object> attributes = parse(first, "attributes", OBJECT, errors);
        for (var error : ProductInputs.attributeErrors(attributes, "attributes")) {
            errors.add(first.error(error.field(), error.message()));
        }
        String currentStatus =
                existing == null ? "DRAFT" : store.load(connection, existing).status();
        var fields = new ProductFields(
                name,
                slug,
                first.get("description") == null ? "" : first.values().get("description"),
                null,
                status == null ? currentStatus : status,
                attributes,
                first.get("seo_title"),
                first.get("seo_description"),
                currency == null ? "USD" : currency);
        var variants = new ArrayList<VariantPlan>();
        for (CsvRow row : rows) {
            VariantPlan variant = variant(connection, row, existing, skus, errors);
            if (variant != null) {
                variants.add(variant);
            }
        }
        return new ProductPlan(first.line(), slug, existing, fields, first.get("brand"), categoryIds, variants);
    }

    private VariantPlan variant(
            Connection connection, CsvRow row, UUID product, Map<String, Integer> skus, List<Problem.FieldError> errors)
            throws SQLException {
        String sku = row.get("sku");
        if (sku == null) {
            return null;
        }
        if (!sku.matches(ProductInputs.SKU)) {
            errors.add(row.error("sku", "must be 1-64 letters, digits, dots, dashes or underscores"));
            return null;
        }
        Integer seen = skus.putIfAbsent(sku, row.line());
        if (seen != null) {
            errors.add(row.error("sku", "already appears on line " + seen));
            return null;
        }
        UUID existingId = null;
        var owner = store.ownerOfSku(connection, sku);
        if (owner.isPresent()) {
            if (!owner.get()[0].equals(product)) {
                errors.add(row.error("sku", "belongs to another product"));
                return null;
            }
            existingId = owner.get()[1];
        }
        Long price = whole(row, "price_minor", errors);
        if (price == null && row.get("price_minor") == null) {
            errors.add(row.error("price_minor", "is required for a variant"));
        }
        Long compareAt = whole(row, "compare_at_price_minor", errors);
        Long weight = whole(row, "weight_grams", errors);
        String active = row.get("variant_active");
        if (active != null && !active.equals("true") && !active.equals("false")) {
            errors.add(row.error("variant_active", "must be true or false"));
        }
        Map<String, String> options = parse(row, "options", STRINGS, errors);
        var input = new VariantInput(
                sku,
                options,
                price,
                compareAt,
                weight == null ? null : (int) Math.min(weight, Integer.MAX_VALUE),
                active == null || Boolean.parseBoolean(active),
                null);
        for (var error : ProductAdministration.variantErrors(input, "")) {
            errors.add(row.error(error.field(), error.message()));
        }
        return new VariantPlan(row.line(), existingId, input);
    }

    private void apply(Connection connection, ProductPlan plan) throws SQLException {
        try {
            UUID brandId = plan.brand() == null ? null : store.brandNamed(connection, plan.brand());
            var fields = new ProductFields(
                    plan.fields().name(),
                    plan.slug(),
                    plan.fields().description(),
                    brandId,
                    plan.fields().status(),
                    plan.fields().attributes(),
                    plan.fields().seoTitle(),
                    plan.fields().seoDescription(),
                    plan.fields().currency());
            UUID id = plan.existing() == null ? UUID.randomUUID() : plan.existing();
            if (plan.existing() == null) {
                store.insert(connection, id, fields);
            } else {
                store.update(connection, id, fields);
            }
            store.replaceCategories(connection, id, plan.categoryIds());
            for (VariantPlan variant : plan.variants()) {
                if (variant.existingId() == null) {
                    store.insertVariant(connection, id, ProductAdministration.fields(variant.input()));
                } else {
                    store.updateVariant(
                            connection, variant.existingId(), ProductAdministration.fields(variant.input()));
                }
            }
            administration.finish(
                    connection, id, plan.existing() == null ? ProductEvents.CREATED : ProductEvents.UPDATED);
        } catch (ProblemException e) {
            // Rules checked while writing (an ACTIVE product without an active variant) still name the line.
            throw csvInvalid(List.of(new Problem.FieldError("line " + plan.line(), e.getMessage())));
        }
    }

    private <T> T parse(CsvRow row, String column, TypeReference<T> type, List<Problem.FieldError> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            errors.add(row.error(column, "must be a JSON object" + (type == STRINGS ? " of texts" : "")));
            return null;
        }
    }

    private static Long whole(CsvRow row, String column, List<Problem.FieldError> errors) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text);
            if (value < 0) {
                errors.add(row.error(column, "must not be negative"));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(row.error(column, "must be a whole number (minor units)"));
            return null;
        }
    }

    private static List<String> splitCategories(String text) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("\\|"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static ProblemException csvInvalid(List<Problem.FieldError> errors) {
        return new ProblemException(
                400,
                "CSV_INVALID",
                "Invalid CSV",
                "The file was not imported; nothing was changed. Fix the listed lines and send it again.",
                errors.stream().limit(500).toList(),
                Map.of());
    }
}
