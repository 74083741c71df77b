# Reference values from R for Almab.Reports statistics tests.
# Run:  Rscript make_fixtures.R   (from this folder; base R only, JSON written by hand)
# Writes r_padjust.json and r_wilcox.json.

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
