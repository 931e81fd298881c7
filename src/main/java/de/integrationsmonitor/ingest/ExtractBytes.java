package de.integrationsmonitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one streaming pass over a file's bytes tells before it is parsed: its SHA-256 (the identity of a
 * delivery), and its text encoding. The offices deliver ISO-8859-1 or UTF-8, with or without BOM; we detect
 * rather than assume: a UTF-8 BOM or bytes that decode as strict UTF-8 mean UTF-8, anything else is read as
 * Windows-1252, the superset of ISO-8859-1 (reported as ISO-8859-1 when no byte falls in 0x80-0x9F).
 */
public record ExtractBytes(String sha256, Charset charset, String encodingName, boolean byteOrderMark, long size,
                           boolean looksBinary) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static ExtractBytes scan(InputStream in) throws IOException {
        MessageDigest digest = sha256Digest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        boolean c1Controls = false;
        boolean nulByte = false;
        boolean bom = false;
        long size = 0;
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer sink = CharBuffer.allocate(chunk.length + 8);
        int read;
        while ((read = in.read(chunk)) != -1) {
            digest.update(chunk, 0, read);
            if (size == 0 && read >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB
                    && (chunk[2] & 0xFF) == 0xBF) {
                bom = true;
            }
            for (int i = 0; i < read; i++) {
                int b = chunk[i] & 0xFF;
                if (b >= 0x80 && b <= 0x9F) {
                    c1Controls = true;
                } else if (b == 0) {
                    nulByte = true;
                }
            }
            size += read;
            if (validUtf8) {
                pending.put(chunk, 0, read).flip();
                sink.clear();
                CoderResult result = utf8.decode(pending, sink, false);
                while (result.isOverflow()) {
                    sink.clear();
                    result = utf8.decode(pending, sink, false);
                }
                if (result.isError()) {
                    validUtf8 = false;
                }
                pending.compact();
            }
        }
        if (validUtf8) {
            pending.flip();
            sink.clear();
            validUtf8 = !utf8.decode(pending, sink, true).isError() && !utf8.flush(sink).isError();
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        if (bom || validUtf8) {
            return new ExtractBytes(hash, StandardCharsets.UTF_8, bom ? "UTF-8 (BOM)" : "UTF-8", bom, size, nulByte);
        }
        return new ExtractBytes(hash, WINDOWS_1252, c1Controls ? "windows-1252" : "ISO-8859-1", false, size, nulByte);
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
