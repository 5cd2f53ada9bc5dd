package dev.trent.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a trail read back: every link opens, is numbered where it is stored and names the hash of the one
 * before; every digest is signed by the trail's key, follows the digest before it and matches the link it
 * covers; and the head names the last link. The first broken event is the lowest-numbered link at which any
 * of this fails.
 */
public final class ChainVerifier {

    /** What the check found: sound when there is no problem. */
    public record Verdict(long events, long digests, Optional<Long> firstBrokenEvent, List<String> problems) {

        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /** A broken link: the event most likely changed, and what is wrong. */
    private record LinkProblem(long event, String message) {
    }

    private ChainVerifier() {
    }

    public static Verdict verify(AuditLog log) {
        List<String> problems = new ArrayList<>();
        Long firstBroken = null;
        Optional<ChainHead> head = head(log, problems);
        long last = log.events().isEmpty() ? 0 : log.events().lastKey();
        long end = head.map(ChainHead::lastSequence).orElse(last);
        long start = head.map(ChainHead::firstSequence).orElse(1L);
        Map<Long, String> hashes = new HashMap<>();
        String previous = head.map(ChainHead::firstPreviousHash).orElse(Sha256.GENESIS);
        if (!log.events().isEmpty() && log.events().firstKey() < start) {
            problems.add("event " + log.events().firstKey() + " precedes the first event the chain head names ("
                    + start + "): it was inserted");
            firstBroken = log.events().firstKey();
        }
        for (long sequence = start; sequence <= end; sequence++) {
            if (sequence > last) {
                problems.add("events " + sequence + ".." + end + " are missing: the log was truncated after event "
                        + last);
                firstBroken = firstBroken == null ? sequence : firstBroken;
                break;
            }
            LinkProblem problem = checkLink(log.events().get(sequence), sequence, previous);
            if (problem != null) {
                problems.add(problem.message());
                firstBroken = firstBroken == null ? Math.max(start, problem.event()) : firstBroken;
                // The rest of the chain is checked against what is there, so one edit names one event.
            }
            AuditLog.Reading reading = log.events().get(sequence);
            previous = reading != null && reading.ok() ? Sha256.hex(reading.bytes()) : "unknown";
            hashes.put(sequence, previous);
        }
        if (last > end) {
            long inserted = log.events().tailMap(end + 1).firstKey();
            problems.add("events " + inserted + ".." + last + " follow the last event the chain head names (" + end
                    + "): they were inserted");
            firstBroken = firstBroken == null ? inserted : firstBroken;
        } else if (head.isPresent() && !head.get().lastHash().equals(hashes.getOrDefault(head.get().lastSequence(),
                head.get().firstPreviousHash())) && firstBroken == null) {
            problems.add("event " + head.get().lastSequence() + " is not the one the chain head names");
            firstBroken = head.get().lastSequence();
        }
        Long brokenByDigest = checkDigests(log, head, hashes, problems);
        if (brokenByDigest != null && (firstBroken == null || brokenByDigest < firstBroken)) {
            firstBroken = brokenByDigest;
        }
        return new Verdict(log.events().size(), log.digests().size(), Optional.ofNullable(firstBroken),
                List.copyOf(problems));
    }

    private static LinkProblem checkLink(AuditLog.Reading reading, long sequence, String previous) {
        if (reading == null) {
            return new LinkProblem(sequence, "event " + sequence + " is missing: it was deleted");
        }
        if (!reading.ok()) {
            return new LinkProblem(sequence, "event " + sequence + " cannot be read: " + reading.failure());
        }
        JsonNode link;
        try {
            link = ChainEntry.JSON.readTree(reading.bytes());
        } catch (IOException e) {
            return new LinkProblem(sequence, "event " + sequence + " is not a chain link");
        }
        if (link.path("sequence").asLong(-1) != sequence) {
            return new LinkProblem(sequence, "event " + sequence + " holds event " + link.path("sequence").asText()
                    + ": it was moved");
        }
        if (!link.path("previousHash").asText().equals(previous)) {
            // A link naming the wrong hash most likely follows an event that was changed.
            return new LinkProblem(sequence - 1, "event " + (sequence - 1) + " is not the one event " + sequence
                    + " follows: event " + (sequence - 1) + " was edited or replaced, or event " + sequence + " was");
        }
        return null;
    }

    private static Optional<ChainHead> head(AuditLog log, List<String> problems) {
        if (log.head().isEmpty()) {
            if (!log.events().isEmpty()) {
                problems.add("the chain head is missing");
            }
            return Optional.empty();
        }
        AuditLog.Reading reading = log.head().get();
        try {
            if (reading.ok()) {
                return Optional.of(ChainHead.parse(reading.bytes()));
            }
            problems.add("the chain head cannot be read: " + reading.failure());
        } catch (IOException | RuntimeException e) {
            problems.add("the chain head is damaged");
        }
        return Optional.empty();
    }

    private static Long checkDigests(AuditLog log, Optional<ChainHead> head, Map<Long, String> hashes,
                                     List<String> problems) {
        Long firstBroken = null;
        long firstDigest = head.map(ChainHead::firstDigest).orElse(1L);
        // Digests before the first kept one were pruned; the first kept one is where checking starts.
        String previousDigest = firstDigest == 1 ? Sha256.GENESIS : "unknown";
        long expected = firstDigest;
        long start = head.map(ChainHead::firstSequence).orElse(1L);
        for (Map.Entry<Long, AuditLog.Reading> entry : log.digests().entrySet()) {
            long number = entry.getKey();
            if (number != expected) {
                problems.add("digests " + expected + ".." + (number - 1) + " are missing");
            }
            expected = number + 1;
            if (!entry.getValue().ok()) {
                problems.add("digest " + number + " cannot be read: " + entry.getValue().failure());
                previousDigest = "unknown";
                continue;
            }
            SignedDigest digest;
            try {
                digest = SignedDigest.parse(entry.getValue().bytes());
            } catch (IOException e) {
                problems.add("digest " + number + " is damaged");
                previousDigest = "unknown";
                continue;
            }
            if (!digest.signatureHolds(log.publicKey())) {
                problems.add("digest " + number + " is not signed by the audit key");
            } else if (digest.number() != number) {
                problems.add("digest " + number + " holds digest " + digest.number() + ": it was moved");
            } else if (!digest.previousDigestHash().equals(previousDigest) && !"unknown".equals(previousDigest)) {
                problems.add("digest " + number + " does not follow digest " + (number - 1));
            } else if (number == log.digests().lastKey() && head.isPresent()
                    && (digest.firstSequence() != start
                    || !digest.firstPreviousHash().equals(head.get().firstPreviousHash()))) {
                problems.add("digest " + number + " signed a chain starting at event " + digest.firstSequence()
                        + ", but it starts at event " + start + ": events at its start were removed");
                firstBroken = firstBroken == null ? Math.min(digest.firstSequence(), start) : firstBroken;
            } else if (digest.lastSequence() >= start
                    && !digest.lastHash().equals(hashes.get(digest.lastSequence()))) {
                problems.add("digest " + number + " signed event " + digest.lastSequence() + " as it no longer is");
                firstBroken = firstBroken == null ? digest.lastSequence() : firstBroken;
            }
            previousDigest = Sha256.hex(entry.getValue().bytes());
        }
        return firstBroken;
    }
}
