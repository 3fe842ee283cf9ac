"use client";
/** Downloads rows as a CSV file, built in the browser from what the page shows. */
import { toCsv, type CsvCell } from "../../lib/csv.ts";

export function CsvButton({ rows, filename, label = "Download CSV" }: { rows: () => CsvCell[][]; filename: string; label?: string }) {
  return (
    <button
      type="button"
      onClick={() => {
        const blob = new Blob([toCsv(rows())], { type: "text/csv;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = filename;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      }}
    >
      {label}
    </button>
  );
}
