// Every concept folder uses the GraphQL.NET types, the contributor contract and the application's read models
// and commands; declaring them once keeps the per-type files about their fields.
global using GraphQL;
global using GraphQL.Types;
global using Minsheng.Application.Commands;
global using Minsheng.Application.Reading;
global using Minsheng.GraphQL.Abstractions;
