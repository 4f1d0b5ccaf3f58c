package com.scalecommerce.web.account;

import com.scalecommerce.web.http.Refused;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a form shows after users refused it: each field's message beside its input ({@code {errors.of('email')}})
 * and one summary above the form: the problem's detail plus any message for a field the form does not have (so
 * nothing users said is lost).
 */
public record FormErrors(Map<String, String> byField, String summary) {

    public static final FormErrors NONE = new FormErrors(Map.of(), null);

    /**
     * Users' problem, its field errors split between the form's own fields ({@code labels}: field name to the
     * label the person sees) and the summary. Users words a field error as a predicate ("must be at least 8
     * characters", "is wrong"), so the label makes it a sentence: "Password must be at least 8 characters."
     */
    public static FormErrors from(Refused refused, Map<String, String> labels) {
        var byField = new LinkedHashMap<String, String>();
        var elsewhere = new StringBuilder(refused.getMessage() == null ? "" : refused.getMessage());
        for (var error : refused.errors()) {
            String label = labels.get(error.field());
            if (label != null) {
                byField.merge(error.field(), sentence(label, error.message()), (a, b) -> a + " " + b);
            } else {
                elsewhere.append(' ').append(sentence(error.field(), error.message()));
            }
        }
        return new FormErrors(Map.copyOf(byField), elsewhere.toString().strip());
    }

    private static String sentence(String label, String message) {
        String text = message == null ? "is not valid" : message.strip();
        boolean predicate = text.startsWith("must ") || text.startsWith("is ") || text.startsWith("cannot ");
        return label + (predicate ? " " : ": ") + text + (text.endsWith(".") ? "" : ".");
    }

    /** Checks done here before calling users (a missing field, passwords that differ). */
    public static FormErrors of(Map<String, String> byField) {
        return new FormErrors(Map.copyOf(byField), "Please correct the fields marked below.");
    }

    public static FormErrors summary(String message) {
        return new FormErrors(Map.of(), message);
    }

    public String of(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean any() {
        return summary != null || !byField.isEmpty();
    }
}
