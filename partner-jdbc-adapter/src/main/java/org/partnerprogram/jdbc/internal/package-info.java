/**
 * Implementation of the JDBC adapter: the stores, the transaction boundary, SQL helpers and error
 * mapping. Not for hosts; may change in any release.
 */
package org.partnerprogram.jdbc.internal;
