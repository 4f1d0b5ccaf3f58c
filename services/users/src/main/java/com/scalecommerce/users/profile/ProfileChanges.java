package com.scalecommerce.users.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON merge patch (RFC 7396) of the editable profile fields: a field left out keeps its value, an explicit
 * null clears it. Any other field, such as roles, email or emailVerified, is refused with a 400 naming it.
 */
record ProfileChanges(boolean nameSent, String name, boolean phoneSent, String phone, Boolean marketingConsent) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{4,30}");
    private static final int MAX_NAME_LENGTH = 100;

    static ProfileChanges from(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("MALFORMED_JSON", "A profile patch is a JSON object.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean nameSent = false;
        boolean phoneSent = false;
        String name = null;
        String phone = null;
        Boolean marketingConsent = null;
        for (var field : patch.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "name" -> {
                    nameSent = true;
                    if (!value.isNull()) {
                        name = value.isTextual() ? value.asText().strip() : null;
                        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                            errors.add(new Problem.FieldError("name", "must be text of 1 to 100 characters"));
                        }
                    }
                }
                case "phone" -> {
                    phoneSent = true;
                    if (!value.isNull()) {
                        phone = value.isTextual() ? value.asText().strip() : null;
                        if (phone == null || !PHONE.matcher(phone).matches()) {
                            errors.add(new Problem.FieldError("phone", "must be a phone number"));
                        }
                    }
                }
                case "marketingConsent" -> {
                    if (value.isBoolean()) {
                        marketingConsent = value.asBoolean();
                    } else {
                        errors.add(new Problem.FieldError("marketingConsent", "must be true or false"));
                    }
                }
                default -> errors.add(new Problem.FieldError(field.getKey(), "cannot be changed here"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ProfileChanges(nameSent, name, phoneSent, phone, marketingConsent);
    }
}
