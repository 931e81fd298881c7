package de.integrationsmonitor.testing;

import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit side of {@link OnPostgres}: skips the class when no PostgreSQL answers on 127.0.0.1:5432, and drops the
 * class's schema after it.
 */
public class OnPostgresExtension implements ExecutionCondition, AfterAllCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("the class has been checked");
        }
        ConditionEvaluationResult result = evaluate(PostgresSchema.HOST, PostgresSchema.PORT);
        CiServices.answers("postgresql", !result.isDisabled(), PostgresSchema.HOST + ":" + PostgresSchema.PORT);
        return result;
    }

    /** Enabled when something answers on HOST:PORT, otherwise disabled with {@link OnPostgres#NO_POSTGRES}. */
    static ConditionEvaluationResult evaluate(String host, int port) {
        return PostgresSchema.answers(host, port)
                ? ConditionEvaluationResult.enabled("PostgreSQL answers on " + host + ":" + port)
                : ConditionEvaluationResult.disabled(OnPostgres.NO_POSTGRES);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        PostgresSchema.drop(PostgresSchema.of(context.getRequiredTestClass()));
    }
}
