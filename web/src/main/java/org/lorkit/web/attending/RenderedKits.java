package org.lorkit.web.attending;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The attending's kit as drawn, per link and version: a page the service read under a version
 * ({@code AttendingLinkService.Visit#version}, which changes with anything the page shows and with the time it
 * reads differently) is drawn once and sent as it is until then: the whole page for the attending (nobody signed in),
 * the kit without the frame for someone signed in, whose name the frame shows. Only the plain page is kept: an
 * answer's reply carries its own words and the typed input. Bounded as the service's pages are, the one drawn longest ago forgotten
 * first.
 */
@ApplicationScoped
public class RenderedKits {
    static final int MAX_PAGES = 5_000;

    private final Map<String, String> drawn = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /** The page kept under this key, else the one {@code draw} makes, kept (drawn outside the lock). */
    public String get(String key, Supplier<String> draw) {
        synchronized (drawn) {
            String page = drawn.get(key);
            if (page != null) {
                return page;
            }
        }
        String page = draw.get();
        synchronized (drawn) {
            drawn.put(key, page);
        }
        return page;
    }
}
