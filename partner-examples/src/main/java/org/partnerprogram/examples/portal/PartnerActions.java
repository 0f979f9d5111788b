package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.Outcome.reason;
import static org.partnerprogram.examples.portal.ShopActions.requireSignedIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.examples.portal.Sessions.Session;

/** The partner page and its actions: enrol, referral URLs, rates, earnings, payouts. */
record PartnerActions(PartnerProgram program, Pages pages) {

  String partnerPage(Connection c, View view) throws SQLException {
    Optional<PartnerOverview> overview = view.customer().flatMap(this::overview);
    Set<String> orders = new HashSet<>();
    overview.ifPresent(
        o -> o.recentEntries().forEach(e -> e.orderId().ifPresent(id -> orders.add(id.value()))));
    // The public card only for the page before enrolling; an enrolled partner sees its own rates.
    Optional<RateCard> card = overview.isEmpty() ? program.rates().card() : Optional.empty();
    return pages.partner(view, overview, card, HostShop.productNames(c, orders));
  }

  private Optional<PartnerOverview> overview(Customer customer) {
    return program.partners().overviewOfCustomer(CustomerAccountId.of(customer.id()));
  }

  Outcome enrol(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    try {
      // The enrolment issues the partner's first referral code.
      EnrollmentResult result =
          program
              .partners()
              .enroll(
                  EnrollPartnerCommand.of(customer.id())
                      .withPayoutAccount(form.one("iban"), form.one("holder")));
      return Outcome.to(
          "/partner",
          switch (result.outcome()) {
            case NEW_PARTNER -> "Welcome to the partner programme! Share your link below.";
            case REJOINED -> "Welcome back to the partner programme! Your new link is below.";
            case ALREADY_MEMBER -> "You are in the partner programme already.";
          });
    } catch (InvalidInputException e) {
      return Outcome.to(
          "/partner",
          "holderName".equals(e.field())
              ? "Please give the account holder's name as the bank knows it, up to "
                  + PayoutAccount.MAX_HOLDER_NAME_LENGTH
                  + " characters."
              : "Please check the IBAN: " + reason(e));
    }
  }

  Outcome addCode(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer customer = requireSignedIn(session, c);
    Optional<PartnerOverview> partner = overview(customer);
    if (partner.isEmpty()) {
      return Outcome.to("/partner", "Join the partner programme first.");
    }
    try {
      IssuedCode code =
          program.referrals().issueVanityCode(partner.get().partnerId(), form.one("code").strip());
      return Outcome.to("/partner", "Your new link with " + code.code().value() + " is below.");
    } catch (InvalidInputException e) {
      return Outcome.to("/partner", "Please choose another code: " + reason(e));
    } catch (ConflictException e) {
      return Outcome.to("/partner", "That code is taken: please choose another one.");
    } catch (IllegalTransitionException e) {
      return Outcome.to("/partner", "You have left the programme: there are no new links.");
    }
  }
}
