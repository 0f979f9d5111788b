/**
 * A small host portal on the JDK's built-in HTTP server, to copy from: referral links that set a
 * first-party cookie, signup, orders and a simulated payment, the partner page of the seed (enrol
 * button, referral URL with a copy button, kickback rates, earnings, payouts), and an admin page to
 * close the month. Start it with {@link org.partnerprogram.examples.portal.HostPortal#main}.
 */
package org.partnerprogram.examples.portal;
