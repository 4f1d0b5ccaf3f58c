package com.scalecommerce.users.admin;

import java.util.List;

/** One page of users; {@code nextCursor} is null on the last page. */
public record UserPage(List<AdminUser> items, String nextCursor) {}
