package de.integrationsmonitor.report.pdf;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The XMP metadata packet of a report PDF (PDF/A-1a and PDF/UA-1), written as plain RDF/XML so that the same
 * metadata always gives the same bytes.
 *
 * <p>PDF/A-1 allows only its predefined schemas (Dublin Core, XMP basic, Adobe PDF, PDF/A identification) unless a
 * schema is declared in the packet as a PDF/A extension schema ({@code pdfaExtension:schemas}); {@link ExtensionSchema}
 * is such a declaration together with its values. PDF/UA's identification ({@code pdfuaid:part}) is declared that way.
 */
public final class XmpPacket {

    /** One property of an extension schema: its name, XMP value type, category, description and value. */
    public record Property(String name, String valueType, String category, String description, String value) {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(valueType, "valueType");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(value, "value");
        }
    }

    /** A schema PDF/A-1 does not predefine: declared in the packet and then used with its values. */
    public record ExtensionSchema(String description, String namespaceUri, String prefix, List<Property> properties) {
        public ExtensionSchema {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(namespaceUri, "namespaceUri");
            Objects.requireNonNull(prefix, "prefix");
            properties = List.copyOf(properties);
        }
    }

    /** ISO 14289-1 (PDF/UA-1) identification. */
    public static final ExtensionSchema PDF_UA_IDENTIFICATION = new ExtensionSchema(
            "PDF/UA Universal Accessibility Schema",
            "http://www.aiim.org/pdfua/ns/id/",
            "pdfuaid",
            List.of(new Property(
                    "part", "Integer", "internal", "Indicates which part of ISO 14289 standard is followed", "1")));

    private static final DateTimeFormatter W3C =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private XmpPacket() {}

    /**
     * The packet for a PDF/A-1a document.
     *
     * @param producer the /Producer of the information dictionary, repeated as pdf:Producer
     */
    public static byte[] pdfA1a(DocumentMetadata metadata, String producer) {
        String date = W3C.format(metadata.timestamp());
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        description(xml, "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
                .append("<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>\n")
                .append("</rdf:Description>\n");
        description(xml, "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append("<dc:format>application/pdf</dc:format>\n")
                .append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                .append(escape(metadata.title()))
                .append("</rdf:li></rdf:Alt></dc:title>\n")
                .append("<dc:creator><rdf:Seq><rdf:li>")
                .append(escape(metadata.author()))
                .append("</rdf:li></rdf:Seq></dc:creator>\n")
                .append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
                .append(escape(metadata.subject()))
                .append("</rdf:li></rdf:Alt></dc:description>\n")
                .append("<dc:language><rdf:Bag><rdf:li>")
                .append(escape(metadata.language()))
                .append("</rdf:li></rdf:Bag></dc:language>\n")
                .append("</rdf:Description>\n");
        description(xml, "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
                .append("<xmp:CreateDate>")
                .append(date)
                .append("</xmp:CreateDate>")
                .append("<xmp:ModifyDate>")
                .append(date)
                .append("</xmp:ModifyDate>")
                .append("<xmp:MetadataDate>")
                .append(date)
                .append("</xmp:MetadataDate>\n")
                .append("<xmp:CreatorTool>")
                .append(escape(DocumentMetadata.CREATOR_TOOL))
                .append("</xmp:CreatorTool>\n")
                .append("</rdf:Description>\n");
        description(xml, "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
                .append("<pdf:Producer>")
                .append(escape(producer))
                .append("</pdf:Producer>\n")
                .append("<pdf:Keywords>")
                .append(escape(metadata.keywordLine()))
                .append("</pdf:Keywords>\n")
                .append("</rdf:Description>\n");
        if (!metadata.extensions().isEmpty()) {
            declarations(xml, metadata.extensions());
            for (ExtensionSchema schema : metadata.extensions()) {
                description(xml, "xmlns:" + schema.prefix() + "=\"" + escape(schema.namespaceUri()) + "\"");
                for (Property property : schema.properties()) {
                    String name = schema.prefix() + ":" + property.name();
                    xml.append('<')
                            .append(name)
                            .append('>')
                            .append(escape(property.value()))
                            .append("</")
                            .append(name)
                            .append(">\n");
                }
                xml.append("</rdf:Description>\n");
            }
        }
        xml.append("</rdf:RDF>\n</x:xmpmeta>\n");
        // room for in-place edits, as the XMP specification recommends
        xml.append((" ".repeat(99) + "\n").repeat(20));
        xml.append("<?xpacket end=\"w\"?>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The PDF/A extension schema container declaring each schema and its properties. */
    private static void declarations(StringBuilder xml, List<ExtensionSchema> schemas) {
        description(
                        xml,
                        "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                                + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                                + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"")
                .append("<pdfaExtension:schemas><rdf:Bag>\n");
        for (ExtensionSchema schema : schemas) {
            xml.append("<rdf:li rdf:parseType=\"Resource\">\n")
                    .append("<pdfaSchema:schema>")
                    .append(escape(schema.description()))
                    .append("</pdfaSchema:schema>\n")
                    .append("<pdfaSchema:namespaceURI>")
                    .append(escape(schema.namespaceUri()))
                    .append("</pdfaSchema:namespaceURI>\n")
                    .append("<pdfaSchema:prefix>")
                    .append(escape(schema.prefix()))
                    .append("</pdfaSchema:prefix>\n")
                    .append("<pdfaSchema:property><rdf:Seq>\n");
            for (Property property : schema.properties()) {
                xml.append("<rdf:li rdf:parseType=\"Resource\">")
                        .append("<pdfaProperty:name>")
                        .append(escape(property.name()))
                        .append("</pdfaProperty:name>")
                        .append("<pdfaProperty:valueType>")
                        .append(escape(property.valueType()))
                        .append("</pdfaProperty:valueType>")
                        .append("<pdfaProperty:category>")
                        .append(escape(property.category()))
                        .append("</pdfaProperty:category>")
                        .append("<pdfaProperty:description>")
                        .append(escape(property.description()))
                        .append("</pdfaProperty:description></rdf:li>\n");
            }
            xml.append("</rdf:Seq></pdfaSchema:property>\n</rdf:li>\n");
        }
        xml.append("</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n");
    }

    private static StringBuilder description(StringBuilder xml, String namespaces) {
        return xml.append("<rdf:Description rdf:about=\"\" ").append(namespaces).append(">\n");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 allows no control characters but tab, newline and carriage return
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
