package de.integrationsmonitor.region;

import java.util.Objects;

/** One of the 16 Länder, keyed by its two-digit code with the leading zero kept. */
public record Land(String code, String name) {

    public Land {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!code.matches("\\d{2}")) {
            throw new IllegalArgumentException("Land code must be two digits, was '" + code + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("Land " + code + " needs a name");
        }
    }
}
