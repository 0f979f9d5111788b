package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.StorageException;

/** Which databases {@link Dialect#detect(DatabaseMetaData)} takes, and that it refuses MySQL. */
class DialectTest {
  /** Metadata that answers only the product name and version. */
  private static DatabaseMetaData metaData(String product, String version) {
    return (DatabaseMetaData)
        Proxy.newProxyInstance(
            DialectTest.class.getClassLoader(),
            new Class<?>[] {DatabaseMetaData.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getDatabaseProductName" -> product;
                  case "getDatabaseProductVersion" -> version;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void recognisesTheSupportedDatabases() {
    assertThat(Dialect.detect(metaData("PostgreSQL", "15.5"))).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Dialect.detect(metaData("MariaDB", "10.11.6-MariaDB-0+deb12u1")))
        .isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.detect(metaData("H2", "2.3.232 (2024-08-11)"))).isEqualTo(Dialect.H2);
  }

  @Test
  void aMariaDbServerSeenThroughAMySqlDriverIsMariaDb() {
    assertThat(Dialect.detect(metaData("MySQL", "5.5.5-10.11.6-MariaDB-0+deb12u1")))
        .isEqualTo(Dialect.MARIADB);
  }

  @Test
  void refusesMySqlNamingTheSupportedDatabases() {
    assertThatThrownBy(() -> Dialect.detect(metaData("MySQL", "8.0.36")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("MySQL 8.0.36")
        .hasMessageContaining("PostgreSQL, MariaDB and H2")
        .hasMessageContaining("not MySQL");
  }

  @Test
  void refusesAnUnknownDatabase() {
    assertThatThrownBy(() -> Dialect.detect(metaData("Apache Derby", "10.16")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("'Apache Derby'")
        .hasMessageContaining("PostgreSQL, MariaDB and H2");
  }
}
