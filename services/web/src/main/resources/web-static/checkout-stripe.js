// Stripe's card element for the checkout's payment step (only when the shop runs on Stripe). The card number is
// typed into Stripe's frame and goes to Stripe; this form posts only the pm_... token Stripe answers.
(function () {
  "use strict";
  var form = document.querySelector("form[data-stripe-key]");
  if (form && window.Stripe) {
    var stripe = window.Stripe(form.getAttribute("data-stripe-key"));
    var card = stripe.elements().create("card");
    card.mount("#card-element");
    var errors = document.getElementById("card-errors");
    form.addEventListener("submit", function (event) {
      if (form.elements.paymentMethod.value) {
        return;
      }
      event.preventDefault();
      stripe.createPaymentMethod({ type: "card", card: card }).then(function (result) {
        if (result.error) {
          errors.textContent = result.error.message;
          return;
        }
        form.elements.paymentMethod.value = result.paymentMethod.id;
        form.submit();
      });
    });
  }
  // 3-D Secure for a Stripe payment: Stripe shows the bank's page, then we read the order's status.
  var auth = document.querySelector("[data-stripe-client-secret]");
  if (auth && window.Stripe) {
    window.Stripe(auth.getAttribute("data-stripe-key"))
      .handleNextAction({ clientSecret: auth.getAttribute("data-stripe-client-secret") })
      .then(function () {
        window.location.assign(auth.getAttribute("data-next"));
      });
  }
})();
