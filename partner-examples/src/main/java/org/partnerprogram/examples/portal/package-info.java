/**
 * A small host portal on the JDK's built-in HTTP server, to copy from: referral links that ask for
 * consent before they set a first-party cookie (and otherwise carry the click to the signup form in
 * the page's address), signup with an optional typed referral code, orders and a simulated payment
 * (each committed with the programme's record of it in one transaction), the partner page of the
 * seed (enrol button, referral URLs with copy buttons, kickback rates, earnings, recent commission,
 * payouts), and an admin page to close the next month. Start it with {@link
 * org.partnerprogram.examples.portal.HostPortal#main}.
 */
package org.partnerprogram.examples.portal;
