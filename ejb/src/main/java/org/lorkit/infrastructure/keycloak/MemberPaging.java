package org.lorkit.infrastructure.keycloak;

/** How LorKit pages through an organization's members in Keycloak, which can be many thousands. */
public final class MemberPaging {
    /** The largest page a caller may ask for. */
    public static final int MAX_PAGE = 100;
    /** How many matches of a search Keycloak is asked for at once while counting them. */
    static final int COUNT_CHUNK = 500;

    private MemberPaging() {
    }

    /** What to ask Keycloak to search for: the typed words without surrounding spaces, or null for everyone. */
    public static String search(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** One chunk of matches: how many Keycloak returned for {@code max} of them from {@code first} on. */
    @FunctionalInterface
    interface Chunk {
        int size(int first, int max);
    }

    /** Counts the matches a chunk at a time, until a chunk comes back short (so no count is capped). */
    static long countInChunks(Chunk chunk) {
        long counted = 0;
        while (true) {
            int size = chunk.size(Math.toIntExact(counted), COUNT_CHUNK);
            counted += size;
            if (size < COUNT_CHUNK) {
                return counted;
            }
        }
    }
}
