package org.lorkit.application.link;

import jakarta.enterprise.context.ApplicationScoped;
import org.lorkit.application.link.AttendingLinkService.KitPage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attending's kit as last read, per link: kept under the link's {@link KitVersion} and until the moment it
 * would read differently by time alone (the link expires, the undo window closes, the agency's day ends). Any change
 * to what the page shows changes the version, so a kept page is never shown after it; nothing has to remember to
 * invalidate it. Bounded: at most {@value #MAX_LINKS} links, the one read longest ago forgotten first. Each node
 * keeps its own; the version is read from the database on every visit, so the nodes never disagree.
 */
@ApplicationScoped
public class KitPageCache {
    /** A kit page is a few kilobytes: some 10 MB at most. */
    static final int MAX_LINKS = 5_000;

    private final Map<Long, Kept> kept;

    public KitPageCache() {
        this(MAX_LINKS);
    }

    KitPageCache(int maxLinks) {
        kept = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
                return size() > maxLinks;
            }
        };
    }

    /** The page kept for this version of the link, if it still reads the same at {@code now}. */
    public synchronized Optional<Kept> get(KitVersion version, Instant now) {
        Kept page = kept.get(version.linkId());
        if (page == null || !page.version().equals(version) || !now.isBefore(page.validUntil())) {
            return Optional.empty();
        }
        return Optional.of(page);
    }

    public synchronized void put(KitVersion version, Instant validUntil, KitPage page) {
        kept.put(version.linkId(), new Kept(version, validUntil, page));
    }

    synchronized int size() {
        return kept.size();
    }

    /**
     * A kept page and what it was read for. {@link #key} names it for those who keep something made from it (the
     * rendered page): it changes whenever the page may.
     */
    public record Kept(KitVersion version, Instant validUntil, KitPage page) {
        public String key() {
            return version.linkId() + ":" + version.fingerprint() + ":" + validUntil.getEpochSecond();
        }
    }
}
