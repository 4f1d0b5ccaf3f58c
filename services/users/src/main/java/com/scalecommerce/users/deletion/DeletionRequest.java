package com.scalecommerce.users.deletion;

import jakarta.validation.constraints.NotBlank;

public record DeletionRequest(@NotBlank String currentPassword) {}
