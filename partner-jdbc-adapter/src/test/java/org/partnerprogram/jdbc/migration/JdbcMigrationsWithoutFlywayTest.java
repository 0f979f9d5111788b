package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.jdbc.JdbcMigrations;

/** A host without Flyway gets a typed error that says what to add, not a NoClassDefFoundError. */
class JdbcMigrationsWithoutFlywayTest {

  @Test
  void migrateWithoutFlywayOnTheClassPathSaysToAddIt() throws Exception {
    URL adapter = JdbcMigrations.class.getProtectionDomain().getCodeSource().getLocation();
    URL core = PartnerProgramException.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader withoutFlyway =
        new URLClassLoader(new URL[] {adapter, core}, ClassLoader.getPlatformClassLoader())) {
      Class<?> migrations =
          Class.forName("org.partnerprogram.jdbc.JdbcMigrations", true, withoutFlyway);
      assertThat(migrations.getClassLoader()).isSameAs(withoutFlyway);
      Method migrate = migrations.getMethod("migrate", DataSource.class);
      DataSource neverUsed =
          (DataSource)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {DataSource.class},
                  (proxy, method, args) -> {
                    throw new AssertionError("the data source must not be touched");
                  });

      Throwable thrown = null;
      try {
        migrate.invoke(null, neverUsed);
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      }

      assertThat(thrown).isNotNull();
      assertThat(thrown.getClass().getName())
          .isEqualTo("org.partnerprogram.jdbc.FlywayMissingException");
      assertThat(thrown.getMessage()).contains("org.flywaydb:flyway-core");
    }
  }
}
