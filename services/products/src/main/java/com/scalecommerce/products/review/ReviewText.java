package com.scalecommerce.products.review;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * What a customer wrote, made safe to put into a page as-is: titles and names lose every tag, the body keeps a
 * few harmless formatting tags without attributes. Scripts, event handlers and links never survive, so neither
 * the storefront nor any other client has to remember to escape review text.
 */
record ReviewText(int rating, String title, String body, String authorName) {

    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 5000;
    static final int MAX_AUTHOR_NAME = 60;
    static final String DEFAULT_AUTHOR_NAME = "Customer";

    // Markup roughly triples the length of text at worst; anything longer is not a review.
    private static final int MAX_RAW = 4 * MAX_BODY;

    private static final Safelist BODY_TAGS =
            new Safelist().addTags("b", "strong", "i", "em", "br", "p", "ul", "ol", "li");

    static ReviewText from(ReviewInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.rating() == null || input.rating() < 1 || input.rating() > 5) {
            errors.add(new Problem.FieldError("rating", "must be a whole number from 1 to 5"));
        }
        String title = clean(input.title(), Safelist.none(), "title", MAX_TITLE, errors);
        if (title != null && title.isEmpty()) {
            errors.add(new Problem.FieldError("title", "must not be blank"));
        }
        String body = clean(input.text(), BODY_TAGS, "text", MAX_BODY, errors);
        String author = clean(input.authorName(), Safelist.none(), "authorName", MAX_AUTHOR_NAME, errors);
        if (input.title() == null) {
            errors.add(new Problem.FieldError("title", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ReviewText(
                input.rating(),
                title,
                body == null ? "" : body,
                author == null || author.isEmpty() ? DEFAULT_AUTHOR_NAME : author);
    }

    static String plain(String raw) {
        return raw == null ? null : clean(raw, Safelist.none());
    }

    private static String clean(
            String raw, Safelist safelist, String field, int maxLength, List<Problem.FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_RAW) {
            errors.add(new Problem.FieldError(field, "must be at most " + maxLength + " characters"));
            return null;
        }
        String cleaned = clean(raw, safelist);
        if (cleaned.length() > maxLength) {
            errors.add(new Problem.FieldError(field, "must be at most " + maxLength + " characters"));
        }
        return cleaned;
    }

    private static String clean(String raw, Safelist safelist) {
        // No pretty printing: the customer's own line breaks stay as they were typed.
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(raw, "", safelist, output).strip();
    }
}
