package com.scalecommerce.web.cart;

import com.scalecommerce.web.cart.OrdersCalls.Change;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Session;
import com.scalecommerce.web.session.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A guest's cart joins the customer's when they sign in. Tried at sign-in and again on every cart page or change
 * while the signed-in session still holds a guest cart token (orders was down at sign-in): orders keeps the guest
 * cart when a merge fails, so trying later loses nothing.
 */
@ApplicationScoped
public class GuestCarts {

    private static final Logger LOG = Logger.getLogger(GuestCarts.class);

    private final OrdersCalls orders;
    private final Viewer viewer;

    GuestCarts(OrdersCalls orders, Viewer viewer) {
        this.orders = orders;
        this.viewer = viewer;
    }

    /** The session after the merge (its guest cart token gone once orders merged it or no longer knows it). */
    public Session mergeIntoCustomerCart() {
        Session session = viewer.session();
        if (!session.signedIn() || session.cartToken() == null) {
            return session;
        }
        String bearer = viewer.bearer();
        if (bearer == null) {
            return viewer.session();
        }
        try {
            // Callers are on virtual threads; the wait is bounded by OrdersCalls' timeout.
            orders.change(Change.merge(new CartOwner(bearer, session.cartToken())))
                    .await()
                    .indefinitely();
            viewer.update(viewer.session().withCartToken(null));
        } catch (Refused e) {
            // Orders no longer knows the guest cart (expired, merged already): nothing left to merge.
            LOG.debugf("guest cart not merged: %s", e.code());
            viewer.update(viewer.session().withCartToken(null));
        } catch (RuntimeException e) {
            LOG.debugf(e, "orders unreachable for a cart merge; kept for later");
        }
        return viewer.session();
    }
}
