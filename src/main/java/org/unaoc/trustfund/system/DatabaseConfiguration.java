package org.unaoc.trustfund.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which PostgreSQL the books live in. With DATABASE_URL unset the product starts its own
 * (embedded, data in DATA_DIR); otherwise it uses that server. Flyway migrates as the configured
 * (owner) user on a connection of its own; the pool logs in as the {@link ApplicationRole}, which
 * has the grants of trust_fund_app only: it may add to the journal but never change or delete it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** The role that holds the application's grants (V001); the {@link ApplicationRole} is a member of it. */
    static final String RUNTIME_ROLE = "trust_fund_app";

    @Bean
    DatabaseLocation databaseLocation(@Value("${trustfund.database.url:}") String url,
            @Value("${trustfund.database.user:}") String user,
            @Value("${trustfund.database.password:}") String password,
            @Value("${trustfund.data-dir:var}") String dataDirectory) {
        if (url.isBlank()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(Path.of(dataDirectory, "postgres").toAbsolutePath());
            return new DatabaseLocation(embedded.jdbcUrl(), EmbeddedDatabase.OWNER, "postgres", true);
        }
        return new DatabaseLocation(url, user, password, false);
    }

    @Bean
    ApplicationRole applicationRole(@Value("${trustfund.database.app-user:}") String user,
            @Value("${trustfund.database.app-password:}") String password,
            @Value("${trustfund.data-dir:var}") String dataDirectory) {
        return user.isBlank() ? ApplicationRole.generated(Path.of(dataDirectory)) : ApplicationRole.configured(user, password);
    }

    @Bean
    Callback applicationRoleSetUp(ApplicationRole role) {
        return new ApplicationRoleSetUp(role);
    }

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseLocation location, ApplicationRole role,
            @Value("${trustfund.database.pool-size:20}") int poolSize,
            @Value("${trustfund.database.connection-timeout-ms:3000}") long connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        config.setUsername(role.user());
        config.setPassword(role.password());
        config.setPoolName("books");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout);
        // a pool that cannot reach the database still lets the application start and answer 503
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseLocation location) {
        SimpleDriverDataSource owner = new SimpleDriverDataSource();
        owner.setDriverClass(org.postgresql.Driver.class);
        owner.setUrl(location.url());
        owner.setUsername(location.user());
        owner.setPassword(location.password());
        return owner;
    }
}
