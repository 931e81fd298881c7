package de.integrationsmonitor.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** What the web service answered a request with: the table as a file, or its JSON status object. */
sealed interface Answer {

    /**
     * The status object {@code {"Status": {"Code", "Content", "Type"}, ...}} that every non-file answer carries.
     *
     * @param body the whole answer, for the parts some methods add ({@code List} of {@code catalogue/results})
     */
    record Status(int code, String content, String type, JsonNode body) implements Answer {

        /** The status for people: {@code status 104 (Es gibt keine Objekte ...)}. */
        String describe() {
            return "status " + code
                    + (content.isBlank() ? "" : " (" + content.strip().replaceAll("\\s+", " ") + ")");
        }
    }

    /**
     * A ZIP, downloaded to a temporary file beside the inbox.
     *
     * @param officeFileName the file name the office gave it (Content-Disposition), if it gave a usable one
     */
    record File(Path file, java.util.Optional<String> officeFileName, long size) implements Answer {}
}
