package com.scalecommerce.products.category;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.catalog.Slugs;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The category tree. Each category stores its {@code path} of ids from the root ("/root/child/"), so a subtree is
 * one prefix match and moving a branch rewrites the paths under it in one statement. Moving a category below
 * itself or one of its descendants is refused. Positions order siblings, contiguous from 0.
 */
@ApplicationScoped
public class Categories {

    private static final String COLUMNS = "c.id, c.parent_id, c.slug, c.name, c.description, c.position, c.path";

    private final AgroalDataSource db;
    private final CatalogCache cache;

    Categories(AgroalDataSource db, CatalogCache cache) {
        this.db = db;
        this.cache = cache;
    }

    public record Category(
            UUID id, UUID parentId, String slug, String name, String description, int position, String path) {}

    public record CategoryNode(
            UUID id,
            UUID parentId,
            String slug,
            String name,
            String description,
            int position,
            long productCount,
            List<CategoryNode> children) {}

    public record NewCategory(
            @NotBlank @Size(max = 120) String name,

            @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by dashes")
            String slug,

            @Size(max = 2000) String description,
            UUID parentId,
            @PositiveOrZero Integer position) {}

    public record CategoryChange(
            @NotBlank @Size(max = 120) String name,

            @Size(max = 120) @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case words joined by dashes")
            String slug,

            @Size(max = 2000) String description) {}

    /** Moves under {@code parentId} (null: to the top level) at {@code position} (null: last). */
    public record CategoryMove(
            UUID parentId, @PositiveOrZero Integer position) {}

    /** The whole tree; each count is the active products in the category or any descendant, each counted once. */
    public List<CategoryNode> tree() {
        try (var connection = db.getConnection()) {
            List<Category> all = all(connection);
            Map<UUID, Long> counts = new HashMap<>();
            // category_ancestors lists each category a product is in, with its ancestors, once (V3 migration).
            try (var select = connection.prepareStatement("select ancestor, count(*) from product p"
                            + " cross join lateral unnest(p.category_ancestors) ancestor"
                            + " where p.status = 'ACTIVE' and p.min_price_minor is not null"
                            + " group by ancestor");
                    var rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
            return assemble(all, counts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Category get(UUID id) {
        try (var connection = db.getConnection()) {
            return find(connection, id).orElseThrow(Categories::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A category by id or slug, for filters such as {@code ?category=phones}. */
    public Optional<Category> resolve(String idOrSlug) {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select " + COLUMNS + " from category c where c.slug = ?"
                        + " or (? ~ '^[0-9a-fA-F-]{36}$' and c.id::text = lower(?))")) {
            select.setString(1, idOrSlug);
            select.setString(2, idOrSlug);
            select.setString(3, idOrSlug);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with CATEGORY_NOT_FOUND naming the field when any id is unknown. */
    public static void requireExisting(Connection connection, Collection<UUID> ids, String field) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (var select = connection.prepareStatement("select count(*) from category where id = any(?)")) {
            select.setArray(
                    1, connection.createArrayOf("uuid", ids.stream().distinct().toArray()));
            try (var rows = select.executeQuery()) {
                rows.next();
                if (rows.getLong(1) != ids.stream().distinct().count()) {
                    throw ProblemException.invalidField(field, "names a category that does not exist");
                }
            }
        }
    }

    @Transactional
    public Category create(NewCategory input) {
        try (var connection = db.getConnection()) {
            Category parent = input.parentId() == null
                    ? null
                    : find(connection, input.parentId())
                            .orElseThrow(() -> ProblemException.invalidField("parentId", "is not a category"));
            UUID id = UUID.randomUUID();
            String slug = Slugs.choose(connection, "category", input.slug(), input.name(), null);
            String path = (parent == null ? "/" : parent.path()) + id + "/";
            try (var insert = connection.prepareStatement("insert into category"
                    + " (id, parent_id, slug, name, description, position, path) values (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, input.parentId());
                insert.setString(3, slug);
                insert.setString(4, input.name().strip());
                insert.setString(5, input.description());
                insert.setInt(6, Integer.MAX_VALUE);
                insert.setString(7, path);
                insert.executeUpdate();
            }
            place(connection, input.parentId(), id, input.position());
            cache.invalidateAfterCommit();
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Category update(UUID id, CategoryChange change) {
        try (var connection = db.getConnection()) {
            Category current = lock(connection, id);
            String slug = change.slug() == null || change.slug().equals(current.slug())
                    ? current.slug()
                    : Slugs.choose(connection, "category", change.slug(), change.name(), id);
            try (var update = connection.prepareStatement(
                    "update category set name = ?, slug = ?, description = ?," + " updated_at = now() where id = ?")) {
                update.setString(1, change.name().strip());
                update.setString(2, slug);
                update.setString(3, change.description());
                update.setObject(4, id);
                update.executeUpdate();
            }
            cache.invalidateAfterCommit();
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Category move(UUID id, CategoryMove move) {
        try (var connection = db.getConnection()) {
            // Moves are rare; one at a time, so two crossing moves (A under B, B under A) cannot build a cycle.
            try (var serialise =
                    connection.prepareStatement("select pg_advisory_xact_lock(hashtext('category-tree'))")) {
                serialise.execute();
            }
            Category moving = lock(connection, id);
            Category parent = null;
            if (move.parentId() != null) {
                parent = find(connection, move.parentId())
                        .orElseThrow(() -> ProblemException.invalidField("parentId", "is not a category"));
                if (parent.path().startsWith(moving.path())) {
                    throw ProblemException.conflict(
                            "CATEGORY_CYCLE", "A category cannot move below itself or one of its descendants.");
                }
            }
            String newPath = (parent == null ? "/" : parent.path()) + id + "/";
            if (!newPath.equals(moving.path())) {
                // Paths hold only ids and slashes, so the old path is a literal LIKE prefix.
                try (var rewrite = connection.prepareStatement("update category set path = ? || substr(path, ?),"
                        + " updated_at = now() where path like ? || '%'")) {
                    rewrite.setString(1, newPath);
                    rewrite.setInt(2, moving.path().length() + 1);
                    rewrite.setString(3, moving.path());
                    rewrite.executeUpdate();
                }
                try (var reparent = connection.prepareStatement("update category set parent_id = ? where id = ?")) {
                    reparent.setObject(1, move.parentId());
                    reparent.setObject(2, id);
                    reparent.executeUpdate();
                }
                place(connection, moving.parentId(), null, null);
            }
            place(connection, move.parentId(), id, move.position());
            cache.invalidateAfterCommit();
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only leaves can go; their products stay, merely no longer listed in it. */
    @Transactional
    public void delete(UUID id) {
        try (var connection = db.getConnection()) {
            Category category = lock(connection, id);
            try (var children = connection.prepareStatement("select 1 from category where parent_id = ? limit 1")) {
                children.setObject(1, id);
                try (var rows = children.executeQuery()) {
                    if (rows.next()) {
                        throw ProblemException.conflict(
                                "CATEGORY_HAS_CHILDREN", "Move or delete the subcategories first.");
                    }
                }
            }
            try (var delete = connection.prepareStatement("delete from category where id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
            place(connection, category.parentId(), null, null);
            cache.invalidateAfterCommit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Renumbers the children of {@code parentId} from 0, putting {@code placed} (already a child) at
     * {@code position}, or last when null.
     */
    private static void place(Connection connection, UUID parentId, UUID placed, Integer position) throws SQLException {
        List<UUID> siblings = new ArrayList<>();
        try (var select = connection.prepareStatement(
                "select id from category where parent_id is not distinct from ?" + " order by position, name, id")) {
            select.setObject(1, parentId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    siblings.add(rows.getObject(1, UUID.class));
                }
            }
        }
        if (placed != null) {
            siblings.remove(placed);
            int at = position == null ? siblings.size() : Math.min(position, siblings.size());
            siblings.add(at, placed);
        }
        try (var update = connection.prepareStatement(
                "update category set position = ? where id = ? and position is distinct from ?")) {
            for (int i = 0; i < siblings.size(); i++) {
                update.setInt(1, i);
                update.setObject(2, siblings.get(i));
                update.setInt(3, i);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static List<Category> all(Connection connection) throws SQLException {
        try (var select = connection.prepareStatement(
                        "select " + COLUMNS + " from category c order by c.position, c.name, c.id");
                var rows = select.executeQuery()) {
            var all = new ArrayList<Category>();
            while (rows.next()) {
                all.add(read(rows));
            }
            return all;
        }
    }

    private static List<CategoryNode> assemble(List<Category> all, Map<UUID, Long> counts) {
        Map<UUID, List<Category>> byParent = new LinkedHashMap<>();
        for (Category c : all) {
            byParent.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        return children(null, byParent, counts);
    }

    private static List<CategoryNode> children(
            UUID parent, Map<UUID, List<Category>> byParent, Map<UUID, Long> counts) {
        return byParent.getOrDefault(parent, List.of()).stream()
                .map(c -> new CategoryNode(
                        c.id(),
                        c.parentId(),
                        c.slug(),
                        c.name(),
                        c.description(),
                        c.position(),
                        counts.getOrDefault(c.id(), 0L),
                        children(c.id(), byParent, counts)))
                .toList();
    }

    private static Optional<Category> find(Connection connection, UUID id) throws SQLException {
        try (var select = connection.prepareStatement("select " + COLUMNS + " from category c where c.id = ?")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Category lock(Connection connection, UUID id) throws SQLException {
        try (var select =
                connection.prepareStatement("select " + COLUMNS + " from category c where c.id = ? for update")) {
            select.setObject(1, id);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw notFound();
                }
                return read(rows);
            }
        }
    }

    private static Category read(ResultSet rows) throws SQLException {
        return new Category(
                rows.getObject("id", UUID.class),
                rows.getObject("parent_id", UUID.class),
                rows.getString("slug"),
                rows.getString("name"),
                rows.getString("description"),
                rows.getInt("position"),
                rows.getString("path"));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("CATEGORY_NOT_FOUND", "No such category.");
    }
}
