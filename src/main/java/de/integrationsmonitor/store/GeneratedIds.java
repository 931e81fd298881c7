package de.integrationsmonitor.store;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Inserts a row and returns its generated {@code id}, the same way on H2 and PostgreSQL. */
final class GeneratedIds {

    private GeneratedIds() {}

    static long insert(JdbcTemplate jdbc, String sql, Object... args) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
                    new ArgumentPreparedStatementSetter(args).setValues(statement);
                    return statement;
                },
                keys);
        return keys.getKeyAs(Number.class).longValue();
    }
}
