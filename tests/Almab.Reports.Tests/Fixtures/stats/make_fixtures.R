# Reference values from R for Almab.Reports statistics tests.
# Run:  Rscript make_fixtures.R   (from this folder; base R only, JSON written by hand)
# Writes r_padjust.json, r_wilcox.json, r_friedman.json and r_ptukey.json.

num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
str <- function(s) paste0("\"", s, "\"")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(sprintf("\"%s\":%s", names(kv), unlist(kv)), collapse = ","), "}")
}
write_cases <- function(file, cases) {
  body <- paste0("{\"generator\":\"make_fixtures.R\",\"r\":", str(R.version.string),
                 ",\"cases\":[\n", paste(cases, collapse = ",\n"), "\n]}\n")
  writeLines(body, file, sep = "")
  cat(length(cases), "cases in", file, "\n")
}

set.seed(20240611)

# p.adjust: Bonferroni and Holm on families with small, tied and large p-values.
families <- list(
  c(0.01, 0.02, 0.03, 0.04, 0.05),
  c(0.5, 0.001, 0.04, 0.04, 0.2, 1e-8),
  c(0.3),
  runif(12)^3,
  c(0.9, 0.8, 0.7)
)
cases <- character(0)
for (p in families) {
  for (m in c("none", "bonferroni", "holm")) {
    cases <- c(cases, obj(p = num(p), method = str(m), adjusted = num(p.adjust(p, m))))
  }
}
write_cases("r_padjust.json", cases)

# wilcox.test, paired: R drops zeros (zero_method "wilcox"), exact when n < 50 without ties/zeros.
cases <- character(0)
designs <- list(
  list(n = 8, ties = FALSE), list(n = 20, ties = FALSE), list(n = 49, ties = FALSE),
  list(n = 70, ties = FALSE), list(n = 16, ties = TRUE), list(n = 40, ties = TRUE)
)
for (d in designs) {
  if (d$ties) {
    x <- as.numeric(sample(0:5, d$n, TRUE)); y <- as.numeric(sample(0:4, d$n, TRUE))
  } else {
    x <- round(rnorm(d$n), 6); y <- round(rnorm(d$n, 0.3), 6)
  }
  for (alt in c("two.sided", "less", "greater")) {
    for (correct in c(TRUE, FALSE)) {
      for (exact in c("auto", "false")) {
        ex <- if (exact == "auto") NULL else FALSE
        r <- suppressWarnings(wilcox.test(x, y, paired = TRUE, alternative = alt, correct = correct, exact = ex))
        cases <- c(cases, obj(x = num(x), y = num(y), alternative = str(alt), correct = tolower(correct),
                              exact = str(exact), V = num(unname(r$statistic)), p = num(r$p.value)))
      }
    }
  }
}
write_cases("r_wilcox.json", cases)

# friedman.test on block x treatment tables (rows = blocks), with and without ties; k = 2 included.
cases <- character(0)
for (d in list(c(9, 2, 0), c(10, 3, 0), c(8, 4, 1), c(20, 5, 1), c(6, 7, 0))) {
  n <- d[1]; k <- d[2]
  m <- if (d[3] == 1) matrix(sample(0:3, n * k, TRUE), n, k) else
    matrix(round(rnorm(n * k) + rep(seq(0, 0.8, length.out = k), each = n), 6), n, k)
  r <- friedman.test(m)
  rows <- paste0("[", paste(apply(m, 1, num), collapse = ","), "]")
  cases <- c(cases, obj(blocks = rows, statistic = num(unname(r$statistic)), p = num(r$p.value)))
}
write_cases("r_friedman.json", cases)

# ptukey / qtukey with nranges = 1, df = Inf (Nemenyi). qtukey is documented accurate to ~4 decimals.
cases <- character(0)
for (k in c(2, 3, 6, 10)) {
  for (q in c(1, 2.5, 3.5, 4.5)) cases <- c(cases, obj(k = k, q = num(q), cdf = num(ptukey(q, k, Inf))))
}
write_cases("r_ptukey.json", cases)
