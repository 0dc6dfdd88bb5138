package org.unaoc.trustfund.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a table, sorted by one of its columns. The links keep the page's other parameters
 * (filters, dates), so paging and sorting never lose what the user chose.
 */
public final class Listing<T> {

    public static final int PAGE_SIZE = 25;

    private final List<T> rows;
    private final int page;
    private final int pages;
    private final int total;
    private final String sort;
    private final boolean descending;
    private final String path;
    private final Map<String, String> parameters;

    private Listing(List<T> rows, int page, int pages, int total, String sort, boolean descending, String path,
                    Map<String, String> parameters) {
        this.rows = rows;
        this.page = page;
        this.pages = pages;
        this.total = total;
        this.sort = sort;
        this.descending = descending;
        this.path = path;
        this.parameters = parameters;
    }

    /**
     * Sorts {@code all} by the column the request names ({@code sort}, {@code dir}) or the default,
     * and keeps page {@code page} (from 1).
     */
    public static <T> Listing<T> of(List<T> all, Map<String, Comparator<T>> columns, String defaultSort,
                                    boolean defaultDescending, Map<String, String> request, String path) {
        String asked = request.get("sort");
        String sort = asked != null && columns.containsKey(asked) ? asked : defaultSort;
        boolean descending = request.containsKey("dir") ? "desc".equals(request.get("dir")) : defaultDescending;
        Comparator<T> order = columns.get(sort);
        List<T> sorted = new ArrayList<>(all);
        sorted.sort(descending ? order.reversed() : order);
        return page(sorted, PAGE_SIZE, request, path, sort, descending);
    }

    /** A page the database has already sorted and cut: {@code rows} are page {@code page} of {@code total}. */
    public static <T> Listing<T> ofPage(List<T> rows, int page, int size, long total, String sort, boolean descending,
                                        Map<String, String> request, String path) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Listing<>(List.copyOf(rows), page, pages, (int) Math.min(Integer.MAX_VALUE, total), sort, descending, path,
                kept(request));
    }

    /** The page a request asks for, from 1 (1 when it asks for none or nonsense). */
    public static int requestedPage(Map<String, String> request) {
        return Math.max(1, parse(request.get("page")));
    }

    /** One page of rows whose order is their meaning (a statement's lines): paged, never sorted. */
    public static <T> Listing<T> inOrder(List<T> all, int size, Map<String, String> request, String path) {
        return page(all, size, request, path, "", false);
    }

    private static <T> Listing<T> page(List<T> all, int size, Map<String, String> request, String path, String sort,
                                       boolean descending) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.min(pages, Math.max(1, parse(request.get("page"))));
        List<T> rows = all.subList((page - 1) * size, Math.min(all.size(), page * size));
        return new Listing<>(List.copyOf(rows), page, pages, all.size(), sort, descending, path, kept(request));
    }

    /** The request's parameters that every link keeps. */
    private static Map<String, String> kept(Map<String, String> request) {
        Map<String, String> kept = new LinkedHashMap<>(request);
        kept.remove("page");
        kept.remove("_csrf");
        return kept;
    }

    private static int parse(@Nullable String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public List<T> getRows() {
        return rows;
    }

    public int getPage() {
        return page;
    }

    public int getPages() {
        return pages;
    }

    public int getTotal() {
        return total;
    }

    /** The link that sorts by this column: ascending first, then the other way. */
    public String sortLink(String column) {
        boolean nextDescending = column.equals(sort) && !descending;
        return link(Map.of("sort", column, "dir", nextDescending ? "desc" : "asc", "page", "1"));
    }

    /** {@code aria-sort} for a column header. */
    public String ariaSort(String column) {
        return !column.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    public String pageLink(int number) {
        return link(Map.of("page", String.valueOf(number)));
    }

    private String link(Map<String, String> changes) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putAll(changes);
        all.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(all).toUriString();
    }
}
