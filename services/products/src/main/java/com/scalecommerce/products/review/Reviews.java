package com.scalecommerce.products.review;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Product reviews: one per customer and product, on active products only. Every change that can move a
 * product's rating rewrites {@code product.rating_avg}/{@code rating_count} in its own transaction, under the
 * product row's lock, from the visible reviews themselves, so the figures never drift from what shoppers see.
 */
@ApplicationScoped
public class Reviews {

    record ReviewPosted(
            UUID reviewId,
            UUID productId,
            UUID userId,
            int rating,
            boolean verifiedPurchase,
            BigDecimal ratingAvg,
            int ratingCount) {}

    private final ReviewRepository reviews;
    private final Outbox outbox;
    private final Event<ProductRatingChanged> ratingChanged;
    private final ReviewsConfig config;

    Reviews(ReviewRepository reviews, Outbox outbox, Event<ProductRatingChanged> ratingChanged, ReviewsConfig config) {
        this.reviews = reviews;
        this.outbox = outbox;
        this.ratingChanged = ratingChanged;
        this.config = config;
    }

    public ReviewPage visible(UUID productId, Integer rating, String sort, String cursor, Integer limit) {
        ReviewSort order = ReviewSort.parse(sort);
        ReviewCursor after = ReviewCursor.decode(cursor);
        int size = pageSize(limit);
        requireRatingFilter(rating);
        try (Connection connection = reviews.connection()) {
            if (!reviews.productStatus(connection, productId)
                    .map("ACTIVE"::equals)
                    .orElse(false)) {
                throw productNotFound();
            }
            List<ReviewRepository.Row> rows =
                    reviews.visiblePage(connection, productId, rating, order, after, size + 1);
            String next = null;
            if (rows.size() > size) {
                rows = rows.subList(0, size);
                ReviewRepository.Row last = rows.getLast();
                next = new ReviewCursor(last.sortKey(), last.createdAt(), last.id()).encode();
            }
            ReviewRepository.Rating current = reviews.rating(connection, productId);
            RatingSummary summary =
                    new RatingSummary(current.average(), current.count(), reviews.histogram(connection, productId));
            return new ReviewPage(
                    rows.stream().map(ReviewRepository.Row::toReview).toList(), next, summary);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Review mine(UUID productId, UUID userId) {
        try (Connection connection = reviews.connection()) {
            return reviews.findByAuthor(connection, productId, userId)
                    .map(ReviewRepository.Row::toReview)
                    .orElseThrow(Reviews::reviewNotFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Review post(UUID productId, UUID userId, ReviewInput input) {
        ReviewText text = ReviewText.from(input);
        try (Connection connection = reviews.connection()) {
            if (!reviews.lockProduct(connection, productId)
                    .map("ACTIVE"::equals)
                    .orElse(false)) {
                throw productNotFound();
            }
            boolean verified = reviews.hasPurchased(connection, userId, productId);
            ReviewRepository.Row posted = reviews.insert(
                            connection, UUID.randomUUID(), productId, userId, text, verified)
                    .orElseThrow(() -> ProblemException.conflict(
                            "ALREADY_REVIEWED", "You have already reviewed this product; edit your review instead."));
            ReviewRepository.Rating rating = recompute(connection, productId);
            outbox.append(
                    "review.posted",
                    posted.id().toString(),
                    new ReviewPosted(
                            posted.id(),
                            productId,
                            userId,
                            posted.rating(),
                            posted.verifiedPurchase(),
                            rating.average(),
                            rating.count()));
            return posted.toReview();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hidden review stays hidden when its author edits it: moderation is not undone by rewording. */
    @Transactional
    public Review edit(UUID productId, UUID reviewId, UUID userId, ReviewInput input) {
        ReviewText text = ReviewText.from(input);
        try (Connection connection = reviews.connection()) {
            if (reviews.lockProduct(connection, productId).isEmpty()) {
                throw reviewNotFound();
            }
            ReviewRepository.Row edited = reviews.update(connection, reviewId, productId, userId, text)
                    .orElseThrow(Reviews::reviewNotFound);
            recompute(connection, productId);
            return edited.toReview();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void delete(UUID productId, UUID reviewId, UUID userId) {
        try (Connection connection = reviews.connection()) {
            if (reviews.lockProduct(connection, productId).isEmpty()
                    || !reviews.delete(connection, reviewId, productId, userId)) {
                throw reviewNotFound();
            }
            recompute(connection, productId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts once per customer; voting again changes nothing. Authors cannot vote for their own review. */
    @Transactional
    public Review markHelpful(UUID productId, UUID reviewId, UUID userId) {
        try (Connection connection = reviews.connection()) {
            ReviewRepository.Row review = reviews.find(connection, reviewId)
                    .filter(r -> r.productId().equals(productId) && "VISIBLE".equals(r.status()))
                    .orElseThrow(Reviews::reviewNotFound);
            if (review.userId().equals(userId)) {
                throw ProblemException.conflict("OWN_REVIEW", "You cannot vote for your own review.");
            }
            reviews.addHelpfulVote(connection, reviewId, userId);
            return reviews.find(connection, reviewId).orElseThrow().toReview();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page<AdminReview> moderationQueue(
            UUID productId, String status, Integer rating, String cursor, Integer limit) {
        if (status != null && !status.equals("VISIBLE") && !status.equals("HIDDEN")) {
            throw ProblemException.invalidField("status", "must be VISIBLE or HIDDEN");
        }
        requireRatingFilter(rating);
        ReviewCursor after = ReviewCursor.decode(cursor);
        int size = pageSize(limit);
        try (Connection connection = reviews.connection()) {
            List<ReviewRepository.Row> rows =
                    reviews.moderationPage(connection, productId, status, rating, after, size + 1);
            String next = null;
            if (rows.size() > size) {
                rows = rows.subList(0, size);
                ReviewRepository.Row last = rows.getLast();
                next = new ReviewCursor(0, last.createdAt(), last.id()).encode();
            }
            return new Page<>(
                    rows.stream().map(ReviewRepository.Row::toAdminReview).toList(), next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AdminReview hide(UUID reviewId, UUID moderator) {
        return moderate(reviewId, "HIDDEN", moderator);
    }

    @Transactional
    public AdminReview unhide(UUID reviewId, UUID moderator) {
        return moderate(reviewId, "VISIBLE", moderator);
    }

    private AdminReview moderate(UUID reviewId, String status, UUID moderator) {
        try (Connection connection = reviews.connection()) {
            UUID productId = reviews.productOf(connection, reviewId).orElseThrow(Reviews::reviewNotFound);
            reviews.lockProduct(connection, productId);
            ReviewRepository.Row review =
                    reviews.setStatus(connection, reviewId, status, moderator).orElseThrow(Reviews::reviewNotFound);
            recompute(connection, productId);
            return review.toAdminReview();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReviewRepository.Rating recompute(Connection connection, UUID productId) throws SQLException {
        ReviewRepository.Rating rating = reviews.recomputeRating(connection, productId);
        ratingChanged.fire(new ProductRatingChanged(productId, rating.average(), rating.count()));
        return rating;
    }

    private int pageSize(Integer limit) {
        if (limit == null) {
            return config.defaultPageSize();
        }
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + config.maxPageSize());
        }
        return limit;
    }

    private static void requireRatingFilter(Integer rating) {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw ProblemException.invalidField("rating", "must be from 1 to 5");
        }
    }

    static ProblemException productNotFound() {
        return ProblemException.notFound("PRODUCT_NOT_FOUND", "No such product.");
    }

    static ProblemException reviewNotFound() {
        return ProblemException.notFound("REVIEW_NOT_FOUND", "No such review.");
    }
}
