package org.partnerprogram.jdbc;

/**
 * H2 2.x: the portable statements, and READ COMMITTED set on the connection (and restored), as H2
 * has no statement for one transaction's level.
 */
final class H2Statements extends Statements {
  @Override
  String readCommittedForOneTransaction() {
    return "";
  }
}
