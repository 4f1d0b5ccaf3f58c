package com.scalecommerce.products.demo;

import com.scalecommerce.products.demo.DemoTaxonomy.Leaf;
import com.scalecommerce.products.demo.DemoTaxonomy.Root;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes the demo catalog out of a seed, with no I/O: product {@code i} depends only on the seed and {@code i},
 * so a catalog can be generated in chunks, in any order, and the same seed always yields the same rows (ids,
 * timestamps and images included).
 */
final class DemoCatalogGenerator {

    /** Every timestamp is relative to this instant, never to the clock. */
    static final Instant EPOCH = Instant.parse("2025-06-01T00:00:00Z");

    static final int CUSTOMER_POOL = 20_000;
    static final int MAX_REVIEWS = 20;

    record Category(UUID id, UUID parentId, String slug, String name, int position, String path) {}

    record Brand(UUID id, String slug, String name) {}

    record Variant(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            int weightGrams,
            int position,
            int onHand) {}

    record Image(UUID id, DemoImages.Card card, String alt, int position) {}

    record Review(
            UUID id,
            UUID userId,
            String authorName,
            int rating,
            String title,
            String body,
            boolean visible,
            boolean verifiedPurchase,
            int helpfulCount,
            Instant createdAt) {}

    record Product(
            UUID id,
            String slug,
            String name,
            String description,
            UUID brandId,
            List<UUID> categoryIds,
            Map<String, String> attributes,
            String seoTitle,
            String seoDescription,
            long minPriceMinor,
            long maxPriceMinor,
            BigDecimal ratingAvg,
            int ratingCount,
            long soldCount,
            Instant createdAt,
            List<Variant> variants,
            List<Image> images,
            List<Review> reviews) {}

    private record LeafRef(Root root, int rootIndex, Leaf leaf, Category category) {}

    private final long seed;
    private final List<Category> categories = new ArrayList<>();
    private final List<Brand> brands = new ArrayList<>();
    private final List<LeafRef> leaves = new ArrayList<>();

    DemoCatalogGenerator(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < DemoTaxonomy.ROOTS.size(); r++) {
            Root root = DemoTaxonomy.ROOTS.get(r);
            UUID rootId = uuid(random);
            Category rootCategory = new Category(rootId, null, root.slug(), root.name(), r, "/" + rootId + "/");
            categories.add(rootCategory);
            for (int l = 0; l < root.leaves().size(); l++) {
                Leaf leaf = root.leaves().get(l);
                UUID leafId = uuid(random);
                Category category =
                        new Category(leafId, rootId, leaf.slug(), leaf.name(), l, rootCategory.path() + leafId + "/");
                categories.add(category);
                leaves.add(new LeafRef(root, r, leaf, category));
            }
        }
        for (String name : DemoTaxonomy.BRANDS) {
            brands.add(new Brand(uuid(random), DemoTaxonomy.slugOf(name), name));
        }
    }

    List<Category> categories() {
        return categories;
    }

    List<Brand> brands() {
        return brands;
    }

    Product product(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        LeafRef home = leaves.get(random.nextInt(leaves.size()));
        Leaf leaf = home.leaf();
        // Each root sells a band of eight brands, so brand facets within a category look plausible.
        Brand brand = brands.get((home.rootIndex() * 4 + random.nextInt(8)) % brands.size());
        String adjective = pick(random, DemoTaxonomy.ADJECTIVES);
        String noun = pick(random, leaf.nouns());
        String model = random.nextInt(3) == 0 ? " " + (char) ('A' + random.nextInt(26)) + (1 + random.nextInt(9)) : "";
        String name = brand.name() + " " + adjective + " " + noun + model;
        String slug = DemoTaxonomy.slugOf(name) + "-" + Integer.toString(index + 1, 36);
        int colour = random.nextInt(DemoTaxonomy.COLOURS.size());
        String material = pick(random, leaf.materials());

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("colour", DemoTaxonomy.COLOURS.get(colour));
        attributes.put("material", material);
        if (home.root().code().equals("EL")) {
            attributes.put("warranty", (1 + random.nextInt(3)) + " years");
        }

        List<UUID> categoryIds = new ArrayList<>();
        categoryIds.add(home.category().id());
        if (random.nextInt(10) == 0) {
            LeafRef second = leaves.stream()
                    .filter(l -> l.root() == home.root() && l != home)
                    .skip(random.nextInt(home.root().leaves().size() - 1))
                    .findFirst()
                    .orElse(home);
            if (second != home) {
                categoryIds.add(second.category().id());
            }
        }

        long basePrice = charmPrice(logUniform(random, leaf.minPrice(), leaf.maxPrice()));
        List<Variant> variants = variants(random, home, index, basePrice, colour);
        long min = variants.stream().mapToLong(Variant::priceMinor).min().orElseThrow();
        long max = variants.stream().mapToLong(Variant::priceMinor).max().orElseThrow();

        Instant createdAt = EPOCH.minusSeconds(random.nextLong(365L * 24 * 3600));
        String description = description(random, noun, material, DemoTaxonomy.COLOURS.get(colour), leaf, brand);

        String initials = ("" + brand.name().charAt(0) + noun.charAt(0)).toUpperCase(Locale.ROOT);
        List<Image> images = new ArrayList<>();
        images.add(new Image(
                uuid(random), new DemoImages.Card(initials, colour, home.root().icon(), false), name, 0));
        if (random.nextInt(5) < 2) {
            images.add(new Image(
                    uuid(random),
                    new DemoImages.Card(
                            initials,
                            (colour + 3) % DemoTaxonomy.COLOURS.size(),
                            home.root().icon(),
                            true),
                    name + ", detail",
                    1));
        }

        List<Review> reviews = reviews(random, noun, createdAt);
        int visible = 0;
        int sum = 0;
        for (Review review : reviews) {
            if (review.visible()) {
                visible++;
                sum += review.rating();
            }
        }
        // Same rounding as round(avg(rating), 2) in PostgreSQL, so the figures equal a recount.
        BigDecimal average = visible == 0
                ? new BigDecimal("0.00")
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(visible), 2, RoundingMode.HALF_UP);
        long sold = (long) (Math.pow(random.nextDouble(), 3) * 5000);

        return new Product(
                uuid(random),
                slug,
                name,
                description,
                brand.id(),
                categoryIds,
                attributes,
                name + " | " + leaf.name(),
                description.substring(0, description.indexOf('.') + 1),
                min,
                max,
                average,
                visible,
                sold,
                createdAt,
                variants,
                images,
                reviews);
    }

    /** A demo customer's account id: the same person across products, so one customer reviews many. */
    UUID customer(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, index));
        return uuid(random);
    }

    private List<Variant> variants(SplittableRandom random, LeafRef home, int index, long basePrice, int colour) {
        List<Map<String, String>> options = new ArrayList<>();
        List<Long> surcharges = new ArrayList<>();
        switch (home.leaf().shape()) {
            case APPAREL -> {
                int first = random.nextInt(3);
                int sizes = 2 + random.nextInt(4);
                int colours = 1 + random.nextInt(2);
                for (int c = 0; c < colours && options.size() < 6; c++) {
                    for (int s = first;
                            s < Math.min(first + sizes, DemoTaxonomy.APPAREL_SIZES.size()) && options.size() < 6;
                            s++) {
                        options.add(Map.of(
                                "size", DemoTaxonomy.APPAREL_SIZES.get(s),
                                "colour", DemoTaxonomy.COLOURS.get((colour + c) % DemoTaxonomy.COLOURS.size())));
                        surcharges.add(s >= 5 ? 200L : 0L);
                    }
                }
            }
            case SHOES -> {
                int first = random.nextInt(3);
                int sizes = 3 + random.nextInt(4);
                for (int s = first; s < first + sizes; s++) {
                    options.add(Map.of("size", DemoTaxonomy.SHOE_SIZES.get(s)));
                    surcharges.add(0L);
                }
            }
            case STORAGE -> {
                int first = random.nextInt(2);
                int tiers = 1 + random.nextInt(3);
                int colours = 1 + random.nextInt(2);
                for (int c = 0; c < colours; c++) {
                    for (int t = first; t < first + tiers; t++) {
                        options.add(Map.of(
                                "storage", DemoTaxonomy.CAPACITIES.get(t),
                                "colour", DemoTaxonomy.COLOURS.get((colour + c) % DemoTaxonomy.COLOURS.size())));
                        surcharges.add((t - first) * Math.max(5_000L, basePrice / 5));
                    }
                }
            }
            case COLOUR -> {
                int colours = 1 + random.nextInt(4);
                for (int c = 0; c < colours; c++) {
                    options.add(Map.of("colour", DemoTaxonomy.COLOURS.get((colour + c) % DemoTaxonomy.COLOURS.size())));
                    surcharges.add(0L);
                }
            }
            case WEIGHT -> {
                int first = random.nextInt(2);
                int sizes = 1 + random.nextInt(3);
                for (int w = first; w < first + sizes; w++) {
                    options.add(Map.of("size", DemoTaxonomy.WEIGHTS.get(w)));
                    surcharges.add((w - first) * basePrice * 8 / 10);
                }
            }
            case SINGLE -> {
                options.add(Map.of());
                surcharges.add(0L);
            }
        }
        boolean onSale = random.nextInt(5) == 0;
        int saleMarkupPercent = 15 + random.nextInt(36);
        String skuStem = home.root().code()
                + String.format(Locale.ROOT, "%02d", home.category().position())
                + "-"
                + String.format(Locale.ROOT, "%6s", Integer.toString(index, 36).toUpperCase(Locale.ROOT))
                        .replace(' ', '0');
        List<Variant> variants = new ArrayList<>();
        for (int v = 0; v < options.size(); v++) {
            long price = charmPrice(basePrice + surcharges.get(v));
            Long compareAt = onSale ? charmPrice(price * (100 + saleMarkupPercent) / 100) : null;
            variants.add(new Variant(
                    uuid(random),
                    skuStem + "-" + (v + 1),
                    options.get(v),
                    price,
                    compareAt,
                    50 + random.nextInt(3000),
                    v,
                    stockLevel(random)));
        }
        return variants;
    }

    /** Mostly healthy stock; about one SKU in twelve sold out and one in eight at or under the low-stock line. */
    private static int stockLevel(SplittableRandom random) {
        int roll = random.nextInt(100);
        if (roll < 8) {
            return 0;
        }
        if (roll < 20) {
            return 1 + random.nextInt(5);
        }
        return 6 + random.nextInt(400);
    }

    private List<Review> reviews(SplittableRandom random, String noun, Instant productCreated) {
        int count = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * (MAX_REVIEWS + 1));
        double quality = 2.2 + random.nextDouble() * 2.7;
        int firstCustomer = random.nextInt(CUSTOMER_POOL);
        List<Review> reviews = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int rating = (int) Math.max(1, Math.min(5, Math.round(quality + random.nextGaussian())));
            String first = pick(random, DemoTaxonomy.FIRST_NAMES);
            String author = first + " " + (char) ('A' + random.nextInt(26)) + ".";
            long age = random.nextLong(Math.max(1, EPOCH.getEpochSecond() - productCreated.getEpochSecond()));
            reviews.add(new Review(
                    uuid(random),
                    customer((firstCustomer + i) % CUSTOMER_POOL),
                    author,
                    rating,
                    reviewTitle(random, rating),
                    reviewBody(random, rating, noun.toLowerCase(Locale.ROOT)),
                    random.nextInt(100) >= 3,
                    random.nextInt(100) < 65,
                    (int) (Math.pow(random.nextDouble(), 2) * 40),
                    EPOCH.minusSeconds(age)));
        }
        return reviews;
    }

    private static final List<List<String>> TITLES = List.of(
            List.of("Disappointed", "Not worth it", "Broke quickly", "Would not buy again"),
            List.of("Below expectations", "Meh", "Has problems", "Could be better"),
            List.of("Does the job", "Okay for the price", "Average", "Decent"),
            List.of("Very good", "Happy with it", "Solid choice", "Great value"),
            List.of("Excellent!", "Love it", "Perfect", "Best purchase this year"));

    private static final List<List<String>> OPENINGS = List.of(
            List.of("The %s stopped working after a week.", "Sadly the %s feels cheap."),
            List.of("The %s is fine but not great.", "I expected more from this %s."),
            List.of("The %s does what it says.", "A reasonable %s for everyday use."),
            List.of("Really pleased with this %s.", "The %s is well made and arrived quickly."),
            List.of("This %s is fantastic.", "I use the %s every day and it is wonderful."));

    private static final List<String> CLOSINGS = List.of(
            "Delivery was quick.",
            "Packaging could be better.",
            "Colour matches the pictures.",
            "Good customer service.",
            "Sizing is as expected.",
            "I bought a second one as a gift.",
            "");

    private static String reviewTitle(SplittableRandom random, int rating) {
        return pick(random, TITLES.get(rating - 1));
    }

    private static String reviewBody(SplittableRandom random, int rating, String noun) {
        String body = String.format(Locale.ROOT, pick(random, OPENINGS.get(rating - 1)), noun);
        String closing = pick(random, CLOSINGS);
        return closing.isEmpty() ? body : body + " " + closing;
    }

    private static String description(
            SplittableRandom random,
            String noun,
            String material,
            String colour,
            Leaf leaf,
            DemoCatalogGenerator.Brand brand) {
        String lowerNoun = noun.toLowerCase(Locale.ROOT);
        List<String> sentences = List.of(
                "This " + colour.toLowerCase(Locale.ROOT) + " " + lowerNoun + " by " + brand.name() + " in "
                        + material.toLowerCase(Locale.ROOT) + ".",
                "Designed for everyday use and built to last.",
                "Part of our " + leaf.name().toLowerCase(Locale.ROOT) + " range.",
                "Easy to care for and backed by a two-year guarantee.",
                "Loved by customers for its comfort and finish.",
                "Ships within two working days.");
        StringBuilder text = new StringBuilder(sentences.get(0));
        int extra = 1 + random.nextInt(3);
        int start = 1 + random.nextInt(sentences.size() - 1);
        for (int i = 0; i < extra; i++) {
            text.append(' ').append(sentences.get(1 + (start - 1 + i) % (sentences.size() - 1)));
        }
        return text.toString();
    }

    private static long logUniform(SplittableRandom random, long min, long max) {
        double low = Math.log(min);
        double high = Math.log(max);
        return (long) Math.exp(low + random.nextDouble() * (high - low));
    }

    /** Prices end in .99, as shops like them. */
    private static long charmPrice(long minor) {
        return Math.max(99, (minor / 100) * 100 + 99);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A version 4 UUID drawn from the generator's random, so it repeats with the seed. */
    static UUID uuid(SplittableRandom random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
