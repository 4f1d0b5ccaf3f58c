package com.scalecommerce.web.admin.forms;

import com.scalecommerce.web.http.Refused;
import java.util.List;

/**
 * Why a form was not accepted, as the form shows it above itself: one sentence, and one line per field when the
 * service (or our own parsing) named fields. The form is shown again with what the admin typed.
 */
public record FormProblem(int status, String message, List<Refused.FieldError> errors) {

    public FormProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A service's 4xx answer: its detail and field errors, under its status. */
    public static FormProblem of(Refused refused) {
        return new FormProblem(refused.status(), refused.getMessage(), refused.errors());
    }

    /** Our own checks of the typed values failed before anything was sent: a 400. */
    public static FormProblem invalid(List<Refused.FieldError> errors) {
        return new FormProblem(400, "Some fields need another look.", errors);
    }

    public static FormProblem message(int status, String message) {
        return new FormProblem(status, message, List.of());
    }

    /** Each field error with a name a person reads ("variant 1 price" for {@code variants[0].priceMinor}). */
    public List<Line> lines() {
        return errors.stream().map(e -> new Line(label(e.field()), e.message())).toList();
    }

    public record Line(String label, String message) {}

    static String label(String field) {
        if (field == null || field.isBlank()) {
            return "form";
        }
        var words = new StringBuilder();
        for (String part : field.split("\\.")) {
            String name = part;
            String index = null;
            int bracket = part.indexOf('[');
            if (bracket > 0 && part.endsWith("]")) {
                name = part.substring(0, bracket);
                index = part.substring(bracket + 1, part.length() - 1);
            }
            name = name.replaceAll("(Minor|Ids|Id)$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase();
            if (index != null) {
                name = singular(name);
                try {
                    name = name + " " + (Integer.parseInt(index) + 1);
                } catch (NumberFormatException e) {
                    name = name + " " + index;
                }
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(name);
        }
        return words.toString();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
