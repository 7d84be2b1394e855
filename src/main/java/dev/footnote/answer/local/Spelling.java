package dev.footnote.answer.local;

/** Whether two analysed terms are spellings of one name (Zelensky, Zhelensky): same first letter, one or two edits. */
final class Spelling {
    static final int MIN_LENGTH = 5;

    private Spelling() {
    }

    static boolean close(String a, String b) {
        if (a.equals(b)) return true;
        if (a.length() < MIN_LENGTH || b.length() < MIN_LENGTH || a.charAt(0) != b.charAt(0)) return false;
        int max = Math.min(a.length(), b.length()) >= 8 ? 2 : 1;
        if (Math.abs(a.length() - b.length()) > max) return false;
        return distance(a, b, max) <= max;
    }

    /** Optimal string alignment distance, stopping early once it exceeds {@code max}. */
    private static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > max) return max + 1;
        }
        return d[n][m];
    }
}
