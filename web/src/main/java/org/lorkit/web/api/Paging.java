package org.lorkit.web.api;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import org.lorkit.application.Page;
import org.lorkit.domain.shared.FieldProblems;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which page of a list the caller asked for ({@code ?page=1&size=25}: pages count from 1, at most
 * {@value Page#MAX_SIZE} items each), and the links to its neighbours, both in the body and as a Link header.
 */
public record Paging(int page, int size) {
    public static final int DEFAULT_SIZE = 25;

    /** The page asked for; a page or size out of bounds is refused naming the parameter. */
    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        List<FieldProblems.Problem> problems = new ArrayList<>();
        if (p < 1) {
            problems.add(new FieldProblems.Problem("page", "page counts from 1, not " + p));
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            problems.add(new FieldProblems.Problem("size", "size must be between 1 and " + Page.MAX_SIZE + ", not " + s));
        }
        if (!problems.isEmpty()) {
            throw new FieldProblems(problems);
        }
        return new Paging(p, s);
    }

    /** The index of the page's first item, from 0. */
    public int first() {
        return (page - 1) * size;
    }

    /** The last page there is (1 for an empty list). */
    public static long lastPage(long total, int size) {
        return Math.max(1, (total + size - 1) / size);
    }

    /** first, prev (when there is one), self, next (when there is one), last: addresses with the same size. */
    public Map<String, URI> links(UriInfo uri, long total) {
        long last = lastPage(total, size);
        Map<String, URI> links = new LinkedHashMap<>();
        links.put("first", at(uri, 1));
        if (page > 1) {
            links.put("prev", at(uri, Math.min(page - 1, last)));
        }
        links.put("self", at(uri, page));
        if (page < last) {
            links.put("next", at(uri, page + 1));
        }
        links.put("last", at(uri, last));
        return links;
    }

    public static Link[] header(Map<String, URI> links) {
        return links.entrySet().stream().map(e -> Link.fromUri(e.getValue()).rel(e.getKey()).build()).toArray(Link[]::new);
    }

    private URI at(UriInfo uri, long number) {
        return uri.getRequestUriBuilder().replaceQueryParam("page", number).replaceQueryParam("size", size).build();
    }

    /** A page of the API: its items, where it is, and the links. */
    public record Body<T>(List<T> items, int page, int size, long total, Map<String, URI> links) {
    }

    public <V, T> Body<T> body(Page<V> found, java.util.function.Function<V, T> shape, UriInfo uri) {
        return new Body<>(found.items().stream().map(shape).toList(), page, size, found.total(), links(uri, found.total()));
    }
}
