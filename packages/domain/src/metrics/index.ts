export * from "./catalogue.ts";
export * from "./chart-spec.ts";
export * from "./figure.ts";
export * from "./labels.ts";
export * from "./markdown.ts";
export * from "./period.ts";
export * from "./stories.ts";
export * from "./trend.ts";
