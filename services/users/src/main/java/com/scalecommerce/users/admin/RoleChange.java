package com.scalecommerce.users.admin;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

public record RoleChange(
        @NotEmpty Set<@Pattern(regexp = "CUSTOMER|ADMIN", message = "must be CUSTOMER or ADMIN") String> roles) {}
