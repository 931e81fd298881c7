package de.integrationsmonitor.goal;

/** A goals or measures file that cannot be used: the message names file, line or entry, field and what is allowed. */
public final class GoalException extends RuntimeException {
    public GoalException(String message) {
        super(message);
    }
}
