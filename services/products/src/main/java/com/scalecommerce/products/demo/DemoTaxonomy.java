package com.scalecommerce.products.demo;

import java.util.List;

/**
 * The fixed vocabulary of the demo catalog: a two-level category tree, brands, and per leaf category the
 * nouns, price band, variant shape and materials its products draw from. Changing anything here changes every
 * generated catalog, so checksums recorded for a seed hold only for one version of this file.
 */
final class DemoTaxonomy {

    private DemoTaxonomy() {}

    /** How a leaf's products vary: the options their variants differ in. */
    enum VariantShape {
        APPAREL,
        SHOES,
        STORAGE,
        COLOUR,
        WEIGHT,
        SINGLE
    }

    /** The icon drawn on a root's product images. */
    enum Icon {
        CIRCUIT,
        HANGER,
        HOUSE,
        BALL,
        DROP,
        BLOCKS,
        BOOK,
        CUP,
        LEAF,
        WHEEL,
        PAW,
        PENCIL
    }

    record Leaf(
            String name,
            String slug,
            List<String> nouns,
            long minPrice,
            long maxPrice,
            VariantShape shape,
            List<String> materials) {}

    record Root(String name, String slug, String code, Icon icon, List<Leaf> leaves) {}

    static final List<String> BRANDS = List.of(
            "Aurora",
            "Brightline",
            "Cobalt",
            "Driftwood",
            "Ember",
            "Fjordic",
            "Granite",
            "Halcyon",
            "Ironbark",
            "Juniper",
            "Kestrel",
            "Lumen",
            "Meridian",
            "Northwind",
            "Oakridge",
            "Pinnacle",
            "Quill",
            "Redwood",
            "Saltmarsh",
            "Tidewater",
            "Umbra",
            "Vantage",
            "Willow",
            "Xenon",
            "Yardley",
            "Zephyr",
            "Alder",
            "Bluebird",
            "Cinder",
            "Dovetail",
            "Evergreen",
            "Foxglove",
            "Gale",
            "Harbor",
            "Indigo",
            "Jasper",
            "Kinfolk",
            "Larkspur",
            "Mosaic",
            "Nimbus",
            "Orchard",
            "Pebble",
            "Quartz",
            "Rook",
            "Sable",
            "Thistle",
            "Upland",
            "Velvet",
            "Wren",
            "Yew");

    static final List<String> ADJECTIVES = List.of(
            "Classic",
            "Essential",
            "Urban",
            "Everyday",
            "Premium",
            "Compact",
            "Heritage",
            "Modern",
            "Active",
            "Signature",
            "Lightweight",
            "Vintage",
            "Studio",
            "Trail",
            "Coastal",
            "Nordic",
            "Smart",
            "Pro",
            "Eco",
            "Deluxe");

    static final List<String> COLOURS =
            List.of("Black", "White", "Navy", "Red", "Green", "Grey", "Blue", "Sand", "Olive", "Burgundy");

    /** Card backgrounds for the colours above, same order. */
    static final List<String> COLOUR_HEX = List.of(
            "#222831", "#eeeeee", "#1f3a68", "#c0392b", "#2e8b57", "#7f8c8d", "#2f80ed", "#d8c3a5", "#6b8e23",
            "#800020");

    static final List<String> APPAREL_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");
    static final List<String> SHOE_SIZES = List.of("38", "39", "40", "41", "42", "43", "44", "45");
    static final List<String> CAPACITIES = List.of("64 GB", "128 GB", "256 GB", "512 GB", "1 TB");
    static final List<String> WEIGHTS = List.of("250 g", "500 g", "1 kg", "2 kg");

    static final List<String> FIRST_NAMES = List.of(
            "Alex", "Sam", "Maria", "Jonas", "Priya", "Chen", "Fatima", "Lukas", "Sofia", "Mateo", "Aisha", "Noah",
            "Emma", "Kenji", "Olga", "Diego", "Lena", "Omar", "Hannah", "Ravi");

    static final List<Root> ROOTS = List.of(
            root(
                    "Electronics",
                    "EL",
                    Icon.CIRCUIT,
                    leaf(
                            "Phones",
                            List.of("Smartphone", "Phone", "Flip Phone"),
                            9_900,
                            149_900,
                            VariantShape.STORAGE,
                            "Aluminium",
                            "Glass"),
                    leaf(
                            "Laptops",
                            List.of("Laptop", "Notebook", "Ultrabook"),
                            39_900,
                            299_900,
                            VariantShape.STORAGE,
                            "Aluminium",
                            "Magnesium"),
                    leaf(
                            "Tablets",
                            List.of("Tablet", "E-Reader", "Drawing Tablet"),
                            12_900,
                            119_900,
                            VariantShape.STORAGE,
                            "Aluminium",
                            "Plastic"),
                    leaf(
                            "Headphones",
                            List.of("Headphones", "Earbuds", "Headset"),
                            1_900,
                            49_900,
                            VariantShape.COLOUR,
                            "Plastic",
                            "Leather"),
                    leaf(
                            "Cameras",
                            List.of("Camera", "Action Camera", "Lens"),
                            14_900,
                            249_900,
                            VariantShape.SINGLE,
                            "Magnesium",
                            "Plastic")),
            root(
                    "Fashion",
                    "FA",
                    Icon.HANGER,
                    leaf(
                            "Men's Clothing",
                            List.of("Shirt", "Hoodie", "Jacket", "Chinos"),
                            1_900,
                            24_900,
                            VariantShape.APPAREL,
                            "Cotton",
                            "Linen",
                            "Wool"),
                    leaf(
                            "Women's Clothing",
                            List.of("Dress", "Blouse", "Cardigan", "Jeans"),
                            1_900,
                            29_900,
                            VariantShape.APPAREL,
                            "Cotton",
                            "Silk",
                            "Viscose"),
                    leaf(
                            "Shoes",
                            List.of("Sneakers", "Boots", "Loafers", "Sandals"),
                            2_900,
                            24_900,
                            VariantShape.SHOES,
                            "Leather",
                            "Canvas",
                            "Suede"),
                    leaf(
                            "Bags",
                            List.of("Backpack", "Tote", "Messenger Bag"),
                            2_900,
                            39_900,
                            VariantShape.COLOUR,
                            "Leather",
                            "Canvas",
                            "Nylon"),
                    leaf(
                            "Accessories",
                            List.of("Scarf", "Belt", "Cap", "Sunglasses"),
                            900,
                            14_900,
                            VariantShape.COLOUR,
                            "Wool",
                            "Leather",
                            "Cotton")),
            root(
                    "Home & Kitchen",
                    "HK",
                    Icon.HOUSE,
                    leaf(
                            "Furniture",
                            List.of("Armchair", "Bookshelf", "Side Table", "Desk"),
                            4_900,
                            149_900,
                            VariantShape.COLOUR,
                            "Oak",
                            "Walnut",
                            "Steel"),
                    leaf(
                            "Cookware",
                            List.of("Frying Pan", "Saucepan", "Dutch Oven", "Wok"),
                            1_900,
                            29_900,
                            VariantShape.SINGLE,
                            "Cast Iron",
                            "Stainless Steel"),
                    leaf(
                            "Bedding",
                            List.of("Duvet Cover", "Pillow", "Blanket", "Sheet Set"),
                            1_900,
                            19_900,
                            VariantShape.COLOUR,
                            "Cotton",
                            "Linen"),
                    leaf(
                            "Lighting",
                            List.of("Desk Lamp", "Floor Lamp", "Pendant Light"),
                            1_900,
                            34_900,
                            VariantShape.COLOUR,
                            "Brass",
                            "Glass",
                            "Steel"),
                    leaf(
                            "Decor",
                            List.of("Vase", "Mirror", "Wall Clock", "Candle"),
                            900,
                            14_900,
                            VariantShape.COLOUR,
                            "Ceramic",
                            "Glass")),
            root(
                    "Sports & Outdoors",
                    "SP",
                    Icon.BALL,
                    leaf(
                            "Fitness",
                            List.of("Yoga Mat", "Dumbbell Set", "Kettlebell", "Resistance Band"),
                            900,
                            29_900,
                            VariantShape.WEIGHT,
                            "Rubber",
                            "Steel"),
                    leaf(
                            "Cycling",
                            List.of("Bike Helmet", "Bike Light", "Saddle"),
                            1_900,
                            19_900,
                            VariantShape.COLOUR,
                            "Polycarbonate",
                            "Aluminium"),
                    leaf(
                            "Camping",
                            List.of("Tent", "Sleeping Bag", "Camp Stove", "Lantern"),
                            1_900,
                            59_900,
                            VariantShape.SINGLE,
                            "Nylon",
                            "Polyester"),
                    leaf(
                            "Running",
                            List.of("Running Shorts", "Running Jacket", "Running Tee"),
                            1_900,
                            14_900,
                            VariantShape.APPAREL,
                            "Polyester",
                            "Merino")),
            root(
                    "Beauty",
                    "BE",
                    Icon.DROP,
                    leaf(
                            "Skincare",
                            List.of("Moisturiser", "Serum", "Cleanser", "Sunscreen"),
                            900,
                            9_900,
                            VariantShape.WEIGHT,
                            "Organic",
                            "Vegan"),
                    leaf(
                            "Makeup",
                            List.of("Lipstick", "Mascara", "Foundation"),
                            700,
                            5_900,
                            VariantShape.COLOUR,
                            "Vegan",
                            "Mineral"),
                    leaf(
                            "Fragrance",
                            List.of("Eau de Parfum", "Eau de Toilette", "Body Mist"),
                            1_900,
                            19_900,
                            VariantShape.SINGLE,
                            "Glass"),
                    leaf(
                            "Hair Care",
                            List.of("Shampoo", "Conditioner", "Hair Oil"),
                            500,
                            4_900,
                            VariantShape.WEIGHT,
                            "Organic",
                            "Vegan")),
            root(
                    "Toys & Games",
                    "TG",
                    Icon.BLOCKS,
                    leaf(
                            "Board Games",
                            List.of("Board Game", "Card Game", "Strategy Game"),
                            1_500,
                            9_900,
                            VariantShape.SINGLE,
                            "Cardboard"),
                    leaf(
                            "Puzzles",
                            List.of("Jigsaw Puzzle", "3D Puzzle", "Puzzle Box"),
                            900,
                            4_900,
                            VariantShape.SINGLE,
                            "Cardboard",
                            "Wood"),
                    leaf(
                            "Building Sets",
                            List.of("Building Set", "Construction Kit", "Robot Kit"),
                            1_900,
                            19_900,
                            VariantShape.SINGLE,
                            "Plastic"),
                    leaf(
                            "Plush Toys",
                            List.of("Teddy Bear", "Plush Fox", "Plush Whale"),
                            900,
                            4_900,
                            VariantShape.COLOUR,
                            "Polyester",
                            "Cotton")),
            root(
                    "Books",
                    "BO",
                    Icon.BOOK,
                    leaf(
                            "Fiction",
                            List.of("Novel", "Thriller", "Short Stories"),
                            799,
                            2_999,
                            VariantShape.SINGLE,
                            "Paperback",
                            "Hardcover"),
                    leaf(
                            "Non-fiction",
                            List.of("Biography", "History Book", "Science Book"),
                            999,
                            3_999,
                            VariantShape.SINGLE,
                            "Paperback",
                            "Hardcover"),
                    leaf(
                            "Children's Books",
                            List.of("Picture Book", "Bedtime Stories", "Activity Book"),
                            499,
                            1_999,
                            VariantShape.SINGLE,
                            "Board Book",
                            "Paperback"),
                    leaf(
                            "Cookbooks",
                            List.of("Cookbook", "Baking Book", "Recipe Collection"),
                            1_499,
                            3_999,
                            VariantShape.SINGLE,
                            "Hardcover")),
            root(
                    "Grocery",
                    "GR",
                    Icon.CUP,
                    leaf(
                            "Coffee & Tea",
                            List.of("Coffee Beans", "Ground Coffee", "Green Tea", "Black Tea"),
                            499,
                            3_999,
                            VariantShape.WEIGHT,
                            "Organic",
                            "Fairtrade"),
                    leaf(
                            "Snacks",
                            List.of("Granola", "Trail Mix", "Dark Chocolate"),
                            299,
                            1_499,
                            VariantShape.WEIGHT,
                            "Organic",
                            "Vegan"),
                    leaf(
                            "Pantry",
                            List.of("Olive Oil", "Pasta", "Honey", "Spice Mix"),
                            299,
                            2_499,
                            VariantShape.WEIGHT,
                            "Organic",
                            "Local")),
            root(
                    "Garden",
                    "GA",
                    Icon.LEAF,
                    leaf(
                            "Garden Tools",
                            List.of("Pruning Shears", "Trowel", "Rake", "Watering Can"),
                            900,
                            7_900,
                            VariantShape.SINGLE,
                            "Steel",
                            "Ash Wood"),
                    leaf(
                            "Plants & Seeds",
                            List.of("Herb Seeds", "Succulent", "Flower Bulbs"),
                            299,
                            3_999,
                            VariantShape.SINGLE,
                            "Organic"),
                    leaf(
                            "Outdoor Furniture",
                            List.of("Garden Bench", "Deck Chair", "Parasol"),
                            4_900,
                            59_900,
                            VariantShape.COLOUR,
                            "Teak",
                            "Aluminium")),
            root(
                    "Automotive",
                    "AU",
                    Icon.WHEEL,
                    leaf(
                            "Car Care",
                            List.of("Car Shampoo", "Wax Polish", "Microfibre Cloth"),
                            499,
                            3_999,
                            VariantShape.SINGLE,
                            "Synthetic"),
                    leaf(
                            "Car Electronics",
                            List.of("Dash Cam", "Car Charger", "Phone Mount"),
                            1_499,
                            19_900,
                            VariantShape.SINGLE,
                            "Plastic"),
                    leaf(
                            "Car Tools",
                            List.of("Tyre Inflator", "Jump Starter", "Socket Set"),
                            1_999,
                            14_900,
                            VariantShape.SINGLE,
                            "Steel")),
            root(
                    "Pets",
                    "PE",
                    Icon.PAW,
                    leaf(
                            "Dog Supplies",
                            List.of("Dog Bed", "Dog Lead", "Chew Toy", "Dog Food"),
                            499,
                            14_900,
                            VariantShape.WEIGHT,
                            "Nylon",
                            "Natural"),
                    leaf(
                            "Cat Supplies",
                            List.of("Cat Tree", "Scratching Post", "Cat Food", "Cat Toy"),
                            399,
                            19_900,
                            VariantShape.WEIGHT,
                            "Sisal",
                            "Natural"),
                    leaf(
                            "Aquarium",
                            List.of("Aquarium Filter", "Fish Tank", "Aquarium Light"),
                            1_499,
                            29_900,
                            VariantShape.SINGLE,
                            "Glass")),
            root(
                    "Office",
                    "OF",
                    Icon.PENCIL,
                    leaf(
                            "Stationery",
                            List.of("Notebook", "Fountain Pen", "Pencil Set", "Planner"),
                            299,
                            4_999,
                            VariantShape.COLOUR,
                            "Paper",
                            "Brass"),
                    leaf(
                            "Office Chairs",
                            List.of("Office Chair", "Ergonomic Chair", "Stool"),
                            7_900,
                            79_900,
                            VariantShape.COLOUR,
                            "Mesh",
                            "Leather"),
                    leaf(
                            "Desk Accessories",
                            List.of("Monitor Stand", "Desk Organiser", "Desk Mat"),
                            999,
                            9_900,
                            VariantShape.COLOUR,
                            "Bamboo",
                            "Felt")));

    private static Root root(String name, String code, Icon icon, Leaf... leaves) {
        return new Root(name, slugOf(name), code, icon, List.of(leaves));
    }

    private static Leaf leaf(
            String name, List<String> nouns, long minPrice, long maxPrice, VariantShape shape, String... materials) {
        return new Leaf(name, slugOf(name), nouns, minPrice, maxPrice, shape, List.of(materials));
    }

    static String slugOf(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replace("&", "and")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
