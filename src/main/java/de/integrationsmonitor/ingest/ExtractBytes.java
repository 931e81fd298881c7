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
import java.util.Optional;

/**
 * What one streaming pass over a file's bytes tells before it is parsed: its SHA-256 (the identity of a
 * delivery), and its text encoding. The offices deliver ISO-8859-1 or UTF-8, with or without BOM; we detect
 * rather than assume: a UTF-8 BOM or bytes that decode as strict UTF-8 mean UTF-8, anything else is read as
 * Windows-1252, the superset of ISO-8859-1 (reported as ISO-8859-1 when no byte falls in 0x80-0x9F). A UTF-16
 * file (a byte order mark FF FE / FE FF, or every other byte NUL) is recognised so that it can be named as such.
 *
 * @param firstNulLine the line of the first NUL byte, 0 when there is none
 * @param utf16        how the file shows it is UTF-16 ("byte order mark FF FE", ...), empty when it is not
 */
public record ExtractBytes(
        String sha256,
        Charset charset,
        String encodingName,
        boolean byteOrderMark,
        long size,
        boolean looksBinary,
        long firstNulLine,
        Optional<String> utf16) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static ExtractBytes scan(InputStream in) throws IOException {
        MessageDigest digest = sha256Digest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        boolean c1Controls = false;
        boolean nulByte = false;
        boolean bom = false;
        long size = 0;
        long lines = 1;
        long firstNulLine = 0;
        Optional<String> utf16 = Optional.empty();
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer sink = CharBuffer.allocate(chunk.length + 8);
        int read;
        while ((read = in.read(chunk)) != -1) {
            digest.update(chunk, 0, read);
            if (size == 0
                    && read >= 3
                    && (chunk[0] & 0xFF) == 0xEF
                    && (chunk[1] & 0xFF) == 0xBB
                    && (chunk[2] & 0xFF) == 0xBF) {
                bom = true;
            }
            if (size == 0) {
                utf16 = utf16(chunk, read);
            }
            for (int i = 0; i < read; i++) {
                int b = chunk[i] & 0xFF;
                if (b >= 0x80 && b <= 0x9F) {
                    c1Controls = true;
                } else if (b == 0) {
                    if (!nulByte) {
                        firstNulLine = lines;
                    }
                    nulByte = true;
                } else if (b == '\n') {
                    lines++;
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
            validUtf8 = !utf8.decode(pending, sink, true).isError()
                    && !utf8.flush(sink).isError();
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        if (bom || validUtf8) {
            return new ExtractBytes(
                    hash,
                    StandardCharsets.UTF_8,
                    bom ? "UTF-8 (BOM)" : "UTF-8",
                    bom,
                    size,
                    nulByte,
                    firstNulLine,
                    utf16);
        }
        return new ExtractBytes(
                hash,
                WINDOWS_1252,
                c1Controls ? "windows-1252" : "ISO-8859-1",
                false,
                size,
                nulByte,
                firstNulLine,
                utf16);
    }

    /** Why the first bytes say UTF-16, if they do: its byte order mark, or NUL in every other byte of ASCII text. */
    private static Optional<String> utf16(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return Optional.of("its byte order mark FF FE says UTF-16LE");
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return Optional.of("its byte order mark FE FF says UTF-16BE");
        }
        int n = Math.min(length, 512) & ~1;
        int nulEven = 0;
        int nulOdd = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    nulEven++;
                } else {
                    nulOdd++;
                }
            }
        }
        if (n >= 8 && Math.max(nulEven, nulOdd) >= n / 2 - n / 16 && Math.min(nulEven, nulOdd) == 0) {
            return Optional.of("every other byte is NUL, as in UTF-16" + (nulOdd > 0 ? "LE" : "BE")
                    + " without a byte order mark");
        }
        return Optional.empty();
    }

    /**
     * Why these bytes are no text the offices deliver, if they are not: UTF-16, or a NUL byte (with its line).
     *
     * @param what "the file" or "the ZIP entry 'x.csv'"
     */
    public Optional<String> notText(String what) {
        if (utf16.isPresent()) {
            return Optional.of(what + " is UTF-16 (" + utf16.get() + "); UTF-16 is not an encoding the offices"
                    + " deliver; save as UTF-8");
        }
        if (looksBinary) {
            return Optional.of(what + " holds binary data (a NUL byte in line " + firstNulLine + "); expected a"
                    + " GENESIS extract as CSV text");
        }
        return Optional.empty();
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
