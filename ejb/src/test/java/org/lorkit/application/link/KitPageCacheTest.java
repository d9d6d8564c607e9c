package org.lorkit.application.link;

import org.junit.jupiter.api.Test;
import org.lorkit.application.link.AttendingLinkService.KitPage;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KitPageCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static KitPage page(String student) {
        return new KitPage("Bridgeway", student, "Dr. Patel", List.of(), true, true, LocalDate.of(2026, 12, 27), LetterState.KIT_SENT,
                true, false, false, false, null, null, null);
    }

    private static KitVersion version(long link, String fingerprint) {
        return new KitVersion(1, link, LinkPurpose.KIT, 0, fingerprint);
    }

    @Test
    void a_kept_page_is_served_for_its_version_only_and_until_it_would_read_differently() {
        KitPageCache cache = new KitPageCache();
        cache.put(version(7, "1.2.3"), NOW.plusSeconds(60), page("Amara Okafor"));

        assertThat(cache.get(version(7, "1.2.3"), NOW)).hasValueSatisfying(kept -> assertThat(kept.page().studentName()).isEqualTo("Amara Okafor"));
        assertThat(cache.get(version(7, "1.2.4"), NOW)).as("anything shown changed").isEmpty();
        assertThat(cache.get(version(8, "1.2.3"), NOW)).as("another link").isEmpty();
        assertThat(cache.get(version(7, "1.2.3"), NOW.plusSeconds(60))).as("the undo window closed, the day ended").isEmpty();
    }

    @Test
    void the_key_changes_with_the_version_and_with_the_moment_it_reads_differently() {
        String key = new KitPageCache.Kept(version(7, "1.2.3"), NOW, page("A")).key();
        assertThat(new KitPageCache.Kept(version(7, "1.2.4"), NOW, page("A")).key()).isNotEqualTo(key);
        assertThat(new KitPageCache.Kept(version(7, "1.2.3"), NOW.plusSeconds(1), page("A")).key()).isNotEqualTo(key);
    }

    @Test
    void it_keeps_at_most_its_bound_forgetting_the_link_read_longest_ago() {
        KitPageCache cache = new KitPageCache(2);
        cache.put(version(1, "a"), NOW.plusSeconds(60), page("One"));
        cache.put(version(2, "a"), NOW.plusSeconds(60), page("Two"));
        cache.get(version(1, "a"), NOW);
        cache.put(version(3, "a"), NOW.plusSeconds(60), page("Three"));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(version(2, "a"), NOW)).isEmpty();
        assertThat(cache.get(version(1, "a"), NOW)).isPresent();
    }
}
