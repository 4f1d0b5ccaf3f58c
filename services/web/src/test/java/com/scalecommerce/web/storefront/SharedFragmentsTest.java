package com.scalecommerce.web.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.qute.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Markup is rendered once per version of the data (the instance), per variant, and kept within a bound. */
class SharedFragmentsTest {

    private final SharedFragments fragments = new SharedFragments(
            Engine.builder().addDefaults().build().parse("{nav.size} categories"), null, null, null);

    @Test
    void theSameInstanceIsRenderedOnceAnEqualNewOneAgain() {
        List<CategoryNode> nav =
                new ArrayList<>(List.of(new CategoryNode(null, null, "kites", "Kites", null, 3, List.of())));

        var first = fragments.categoryNav(nav);
        assertThat(first.getValue()).isEqualTo("1 categories");
        assertThat(fragments.categoryNav(nav)).isSameAs(first);

        // products answered again: an equal list, but a new version of the data.
        var again = fragments.categoryNav(new ArrayList<>(nav));
        assertThat(again).isNotSameAs(first);
        assertThat(again.getValue()).isEqualTo(first.getValue());
    }

    @Test
    void variantsOfOneVersionAreKeptUpToTheBoundThenRenderedPerRequest() {
        Object version = new Object();
        var renders = new AtomicInteger();
        for (int i = 0; i < SharedFragments.VARIANTS_KEPT; i++) {
            String variant = "v" + i;
            fragments.kept(version, variant, () -> variant + renders.incrementAndGet());
            fragments.kept(version, variant, () -> variant + renders.incrementAndGet());
        }
        assertThat(renders).hasValue(SharedFragments.VARIANTS_KEPT);

        // One more variant than the bound (an address a client made up): rendered, not kept.
        fragments.kept(version, "invented", () -> "x" + renders.incrementAndGet());
        fragments.kept(version, "invented", () -> "x" + renders.incrementAndGet());
        assertThat(renders).hasValue(SharedFragments.VARIANTS_KEPT + 2);
    }
}
