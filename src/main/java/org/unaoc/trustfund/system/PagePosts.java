package org.unaoc.trustfund.system;

/**
 * The posts of the web pages that are not writes of the books: the login and logout (Spring
 * Security answers them and logs the login) and the previews, which roll themselves back. Request
 * transactions and the audit log both leave them out.
 */
public final class PagePosts {

    private PagePosts() {
    }

    public static boolean writeNothing(String path) {
        return path.equals("/login") || path.equals("/logout") || path.endsWith("/preview");
    }
}
