package de.integrationsmonitor.batch;

import de.integrationsmonitor.report.EditionPublisher.Published;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the publish step published, per edition, in and out of its execution context: the one place that knows how a
 * {@link Published} is kept there (plain lists and maps of strings, which every execution-context serializer
 * keeps), so that its readers get the typed record and no cast.
 */
final class PublishedCodec {

    private PublishedCodec() {}

    static HashMap<String, Object> write(Published published) {
        HashMap<String, Object> map = new HashMap<>();
        map.put("folder", published.folder().toString());
        map.put("written", new ArrayList<>(published.written()));
        map.put("failed", new LinkedHashMap<>(published.failed()));
        map.put("withoutData", new ArrayList<>(published.withoutData()));
        return map;
    }

    /** Per edition id, in the order the context keeps them. */
    static Map<String, Published> readAll(Object stored) {
        Map<String, Published> all = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> byEdition) {
            byEdition.forEach((edition, published) -> all.put(String.valueOf(edition), read(published)));
        }
        return all;
    }

    static Published read(Object stored) {
        Map<?, ?> map = stored instanceof Map<?, ?> m ? m : Map.of();
        return new Published(
                Path.of(String.valueOf(map.get("folder"))),
                strings(map.get("written")),
                stringMap(map.get("failed")),
                strings(map.get("withoutData")));
    }

    private static List<String> strings(Object stored) {
        List<String> strings = new ArrayList<>();
        if (stored instanceof List<?> list) {
            list.forEach(s -> strings.add(String.valueOf(s)));
        }
        return strings;
    }

    private static Map<String, String> stringMap(Object stored) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (stored instanceof Map<?, ?> map) {
            map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        }
        return strings;
    }
}
