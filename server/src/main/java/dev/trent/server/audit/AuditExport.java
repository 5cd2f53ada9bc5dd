package dev.trent.server.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the trail's events out, in sequence order: as JSON Lines (one CloudTrail record per line), or in
 * CloudTrail's log-file layout, a gzip-compressed {@code {"Records": [...]}}. Links that do not open are left
 * out; {@code trent audit verify} reports them.
 */
public final class AuditExport {

    /** The formats {@code trent audit export} writes. */
    public enum Format { JSONL, CLOUDTRAIL }

    private AuditExport() {
    }

    /** Writes the events of {@code log} to {@code out} in {@code format}; returns how many it wrote. */
    public static int write(AuditLog log, Format format, OutputStream out) throws IOException {
        return format == Format.JSONL ? jsonLines(log, out) : cloudTrailLog(log, out);
    }

    private static int jsonLines(AuditLog log, OutputStream out) throws IOException {
        int written = 0;
        for (Map.Entry<Long, AuditLog.Reading> link : log.events().entrySet()) {
            if (link.getValue().ok()) {
                out.write(new ChainEntry(link.getKey(), link.getValue().bytes()).event().toString()
                        .getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                written++;
            }
        }
        out.flush();
        return written;
    }

    private static int cloudTrailLog(AuditLog log, OutputStream out) throws IOException {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        ArrayNode records = file.putArray("Records");
        for (Map.Entry<Long, AuditLog.Reading> link : log.events().entrySet()) {
            if (link.getValue().ok()) {
                records.add(new ChainEntry(link.getKey(), link.getValue().bytes()).event());
            }
        }
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        gzip.write(ChainEntry.JSON.writeValueAsBytes(file));
        gzip.finish();
        out.flush();
        return records.size();
    }
}
